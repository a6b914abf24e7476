/**
 * Splits every batch across step workers: the engine thread itself and N - 1
 * worker threads (worker.ts), each with its own wasm instance. The engine writes
 * the weights and the batch into shared memory, wakes the threads, computes the
 * first share while they compute theirs, and adds their gradient areas to its
 * own for a single optimizer step. Gradients of the mean loss add up exactly this
 * way (each share is scaled by its part of the batch), so any number of workers
 * trains the same run up to float rounding.
 *
 * The engine thread takes a share because it would otherwise only wait: with one
 * thread per core, N threads compute instead of N + 1 taking turns, and one
 * worker's weight upload and wake-up per step go away. On the seed MLP, whose
 * step is only a few milliseconds, two threads computing while a third waited
 * were no faster than one thread (bench/side-by-side.ts).
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import * as tf from '@tensorflow/tfjs'
import type { BackendName, ModelSpec, StepChoice } from '../../../../shared/contract'
import type { GradientStep, StepGradients } from '../step/loss'
import type { StepWorkers } from '../step/plan'
import {
  controlBlock,
  controlBytes,
  slot,
  wideSlot,
  type FromWorker,
  type SharedBuffers,
  type WorkerSetup
} from './protocol'
import { computeShare, shareSource, type Share } from './share'

export interface HostBatch {
  /** size x inputSize, scaled. */
  x: Float32Array
  labels: Int32Array
  size: number
  dropoutSeed: number
}

export interface StepPoolOptions {
  /** Workers in all, the engine thread included: workers - 1 threads start. */
  workers: number
  /** The engine thread's own gradient step over the engine's variables, for the first share. */
  local: GradientStep
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
  /** Each worker thread's live tensor count after its last step (a leak shows as growth). */
  workerTensors(): number[]
  /** Stops the worker threads; safe to call more than once. */
  dispose(): Promise<void>
}

interface Pending {
  resolve(): void
  reject(error: Error): void
}

/** Starts the worker threads and waits until each has its backend and model ready. */
export async function startStepPool(options: StepPoolOptions): Promise<ParallelStep> {
  const { variables, batchSize, inputSize, local } = options
  const size = variables.reduce((n, v) => n + v.size, 0)
  const threads = options.workers - 1
  const buffers: SharedBuffers = {
    weights: new SharedArrayBuffer(size * 4),
    gradients: new SharedArrayBuffer(threads * size * 4),
    x: new SharedArrayBuffer(batchSize * inputSize * 4),
    labels: new SharedArrayBuffer(batchSize * 4),
    control: new SharedArrayBuffer(threads * controlBytes)
  }
  const weights = new Float32Array(buffers.weights)
  const gradients = new Float32Array(buffers.gradients)
  const x = new Float32Array(buffers.x)
  const labels = new Int32Array(buffers.labels)
  const source = shareSource(local, x, labels, batchSize, inputSize)
  const sum = new Float32Array(size)
  const controls = Array.from({ length: threads }, (_, i) => controlBlock(buffers.control, i))
  let posted = 0
  const pending: (Pending | null)[] = new Array<Pending | null>(threads).fill(null)
  const tensors: number[] = new Array<number>(threads).fill(0)
  let failure: Error | null = null
  let disposed = false

  const fail = (error: Error): void => {
    if (disposed || failure) return
    failure = error
    pending.forEach((p, i) => {
      p?.reject(error)
      pending[i] = null
    })
    wakeWaiters()
  }
  // A waitAsync left pending would keep its callback alive: wake them all, and
  // each sees its step settled and stops waiting.
  const wakeWaiters = (): void => controls.forEach((c) => Atomics.notify(c.ints, slot.finished))
  const workers = Array.from({ length: threads }, (_, index) => {
    const worker = (options.spawn ?? spawnStepWorker)()
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'error') return fail(workerFailure(index, message.message))
      const waiting = pending[index]
      pending[index] = null
      waiting?.resolve()
    })
    worker.on('error', (error) => fail(workerFailure(index, error.message)))
    worker.on('exit', (code) => fail(workerFailure(index, `it exited with code ${code}`)))
    return worker
  })
  const setUp = (index: number, setup: WorkerSetup) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure)
      pending[index] = { resolve, reject }
      workers[index]!.postMessage({ type: 'setup', setup })
    })
  /** Hands share number `posted` to thread `index` and wakes it. */
  const post = (index: number, share: Share): void => {
    const { ints, wide } = controls[index]!
    ints[slot.offset] = share.offset
    ints[slot.count] = share.count
    ints[slot.total] = share.total
    wide[wideSlot.dropoutSeed] = share.dropoutSeed
    Atomics.store(ints, slot.posted, posted)
    Atomics.notify(ints, slot.posted)
  }
  /** Resolves when thread `index` has finished share number `posted`, or rejects when it dies. */
  const finished = (index: number) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure)
      const waiting = { resolve, reject }
      pending[index] = waiting
      const { ints } = controls[index]!
      const number = posted
      const check = (): void => {
        if (pending[index] !== waiting) return
        const now = Atomics.load(ints, slot.finished)
        if (now === number) {
          pending[index] = null
          return resolve()
        }
        // Asynchronous, so the engine still hears a thread's exit while it waits.
        const wait = Atomics.waitAsync(ints, slot.finished, now)
        if (wait.async) void wait.value.then(check)
        else check()
      }
      check()
    })
  const dispose = async (): Promise<void> => {
    if (disposed) return
    disposed = true
    for (const { ints } of controls) {
      Atomics.store(ints, slot.stop, 1)
      Atomics.notify(ints, slot.posted)
    }
    wakeWaiters()
    await Promise.all(workers.map((w) => w.terminate()))
  }

  try {
    const shapes = variables.map((v) => v.shape)
    await Promise.all(
      workers.map((_, index) =>
        setUp(index, {
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
      const [own, ...shares] = splitRows(batch.size, options.workers)
      const share = (offset: number, count: number): Share => ({
        offset,
        count,
        total: batch.size,
        dropoutSeed: batch.dropoutSeed
      })
      if (failure) throw failure
      // The threads start first, so they compute while the engine does its own share.
      posted++
      shares.forEach(({ offset, count }, index) => post(index, share(offset, count)))
      const done = Promise.all(shares.map((_, index) => finished(index)))
      // Handled here too, so a failing share of the engine's own leaves no unhandled rejection.
      done.catch(() => undefined)
      let { loss, correct } = computeShare(local, source, share(own!.offset, own!.count), sum)
      await done
      shares.forEach((_, index) => {
        const { ints, wide } = controls[index]!
        loss += wide[wideSlot.loss]!
        correct += ints[slot.correct]!
        tensors[index] = ints[slot.tensors]!
      })
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

/** Thread `index` computes share index + 1: the engine thread is worker 1. */
function workerFailure(index: number, reason: string): Error {
  return new Error(`Training worker ${index + 2} stopped: ${reason}.`)
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
