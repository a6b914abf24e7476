/**
 * Splits every batch across step workers (worker.ts), each with its own wasm
 * instance: the engine writes the weights and the batch into shared memory, each
 * worker computes the gradients of its rows, and the engine adds the workers'
 * gradient areas into one set for a single optimizer step. Gradients of the mean
 * loss add up exactly this way (each worker scales by its share of the batch), so
 * any number of workers trains the same run up to float rounding.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import * as tf from '@tensorflow/tfjs'
import type { BackendName, ModelSpec, StepChoice } from '../../../../shared/contract'
import type { StepGradients } from '../step/loss'
import type { StepWorkers } from '../step/plan'
import type { FromWorker, ShareRequest, SharedBuffers, WorkerSetup } from './protocol'

export interface HostBatch {
  /** size x inputSize, scaled. */
  x: Float32Array
  labels: Int32Array
  size: number
  dropoutSeed: number
}

export interface StepPoolOptions {
  workers: number
  backend: BackendName
  choice: StepChoice
  spec: ModelSpec
  l2: number
  inputSize: number
  classes: number
  batchSize: number
  /** The engine's trainable variables: read before every step, never written here. */
  variables: readonly tf.Variable[]
  /** Starts one worker thread; tests wrap it to reach the threads. */
  spawn?: () => Worker
}

/** The loop's view of the pool: a gradient step that takes the batch as host arrays. */
export interface ParallelStep {
  readonly kind: 'parallel'
  readonly workers: number
  gradients(batch: HostBatch): Promise<StepGradients>
  /** Each worker's live tensor count after its last step (a leak shows as growth). */
  workerTensors(): number[]
  /** Stops the workers; safe to call more than once. */
  dispose(): Promise<void>
}

interface Pending {
  resolve(message: FromWorker): void
  reject(error: Error): void
}

/** Starts the workers and waits until each has its backend and model ready. */
export async function startStepPool(options: StepPoolOptions): Promise<ParallelStep> {
  const { variables, batchSize, inputSize } = options
  const size = variables.reduce((n, v) => n + v.size, 0)
  const buffers: SharedBuffers = {
    weights: new SharedArrayBuffer(size * 4),
    gradients: new SharedArrayBuffer(options.workers * size * 4),
    x: new SharedArrayBuffer(batchSize * inputSize * 4),
    labels: new SharedArrayBuffer(batchSize * 4)
  }
  const weights = new Float32Array(buffers.weights)
  const gradients = new Float32Array(buffers.gradients)
  const x = new Float32Array(buffers.x)
  const labels = new Int32Array(buffers.labels)
  const pending: (Pending | null)[] = new Array<Pending | null>(options.workers).fill(null)
  const tensors: number[] = new Array<number>(options.workers).fill(0)
  let failure: Error | null = null
  let disposed = false

  const fail = (error: Error): void => {
    if (disposed || failure) return
    failure = error
    pending.forEach((p, i) => {
      p?.reject(error)
      pending[i] = null
    })
  }
  const workers = Array.from({ length: options.workers }, (_, index) => {
    const worker = (options.spawn ?? spawnStepWorker)()
    worker.on('message', (message: FromWorker) => {
      const waiting = pending[index]
      pending[index] = null
      if (message.type === 'error') fail(workerFailure(index, message.message))
      else waiting?.resolve(message)
    })
    worker.on('error', (error) => fail(workerFailure(index, error.message)))
    worker.on('exit', (code) => fail(workerFailure(index, `it exited with code ${code}`)))
    return worker
  })
  const ask = (index: number, message: ShareRequest | { type: 'setup'; setup: WorkerSetup }) =>
    new Promise<FromWorker>((resolve, reject) => {
      if (failure) return reject(failure)
      pending[index] = { resolve, reject }
      workers[index]!.postMessage(message)
    })
  const dispose = async (): Promise<void> => {
    if (disposed) return
    disposed = true
    await Promise.all(workers.map((w) => w.terminate()))
  }

  try {
    const shapes = variables.map((v) => v.shape)
    await Promise.all(
      workers.map((_, index) =>
        ask(index, {
          type: 'setup',
          setup: {
            index,
            backend: options.backend,
            choice: options.choice,
            spec: options.spec,
            l2: options.l2,
            inputSize,
            classes: options.classes,
            batchSize,
            shapes,
            buffers
          }
        })
      )
    )
  } catch (error) {
    await dispose()
    throw error
  }

  return {
    kind: 'parallel',
    workers: options.workers,
    dispose,
    workerTensors: () => [...tensors],
    gradients: async (batch: HostBatch): Promise<StepGradients> => {
      let at = 0
      for (const variable of variables) {
        weights.set(variable.dataSync() as Float32Array, at)
        at += variable.size
      }
      x.set(batch.x)
      labels.set(batch.labels)
      const shares = splitRows(batch.size, workers.length)
      const replies = await Promise.all(
        shares.map(({ offset, count }, index) =>
          ask(index, {
            type: 'step',
            offset,
            count,
            total: batch.size,
            dropoutSeed: batch.dropoutSeed
          })
        )
      )
      let loss = 0
      let correct = 0
      replies.forEach((reply, index) => {
        if (reply.type !== 'done') throw new Error('A step worker answered out of turn.')
        loss += reply.loss
        correct += reply.correct
        tensors[index] = reply.tensors
      })
      const sum = new Float32Array(size)
      for (let w = 0; w < shares.length; w++) {
        const area = gradients.subarray(w * size, (w + 1) * size)
        for (let i = 0; i < size; i++) sum[i] = sum[i]! + area[i]!
      }
      at = 0
      const grads = variables.map((variable) => {
        const grad = tf.tensor(sum.subarray(at, at + variable.size), variable.shape)
        at += variable.size
        return grad
      })
      return { loss, correct, grads }
    }
  }
}

/** The Node engine's step workers: worker threads, one per core by default. */
export const nodeStepWorkers: StepWorkers = {
  perCore: availableParallelism(),
  start: startStepPool
}

/**
 * Contiguous shares of `rows`, as even as possible, one per worker that gets any
 * (a batch smaller than the pool leaves the last workers idle).
 */
export function splitRows(rows: number, workers: number): { offset: number; count: number }[] {
  const shares: { offset: number; count: number }[] = []
  const base = Math.floor(rows / workers)
  const extra = rows % workers
  let offset = 0
  for (let w = 0; w < workers; w++) {
    const count = base + (w < extra ? 1 : 0)
    if (count === 0) break
    shares.push({ offset, count })
    offset += count
  }
  return shares
}

function workerFailure(index: number, reason: string): Error {
  return new Error(`Training worker ${index + 1} stopped: ${reason}.`)
}

/**
 * The worker runs from the built bundle (out/main/step-worker.js, an entry of
 * electron.vite.config.ts) or, under tsx in tests and scripts, from worker.ts.
 */
export function spawnStepWorker(): Worker {
  const here = fileURLToPath(import.meta.url)
  if (here.endsWith('.ts')) {
    const source = join(dirname(here), 'worker.ts')
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)})`, { eval: true })
  }
  const built = [dirname(here), join(dirname(here), '..')]
    .map((dir) => join(dir, 'step-worker.js'))
    .find((path) => existsSync(path))
  if (!built) throw new Error(`The step worker bundle is missing next to ${here}.`)
  return new Worker(built)
}
