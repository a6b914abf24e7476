/**
 * A step worker: its own tfjs wasm instance computing one share of every batch.
 * It reads the weights and its rows from shared memory, runs the same gradient
 * step as the serial path, and writes its gradients, already scaled by its share
 * of the batch, into its own area, so the engine only adds them up.
 */
import { parentPort } from 'node:worker_threads'
import * as tf from '@tensorflow/tfjs'
import { initBackend } from '../backend'
import { gatherTransposed, type PreparedSplit } from '../data/batches'
import { buildModel, trainableVariables } from '../model/model'
import { valueOf, type GradientStep } from '../step/loss'
import { buildGradientStep } from '../step/plan'
import type { FromWorker, ShareRequest, ToWorker, WorkerSetup } from './protocol'

interface Ready {
  setup: WorkerSetup
  variables: tf.Variable[]
  step: GradientStep
  weights: Float32Array
  gradients: Float32Array
  batch: PreparedSplit
  /** 0, 1, 2, ...: the batch's rows in order, for gatherTransposed. */
  rows: Int32Array
  xT: Float32Array | null
}

const port = parentPort
if (!port) throw new Error('worker.ts runs only as a worker thread (see step-pool.ts).')
const post = (message: FromWorker): void => port.postMessage(message)

let state: Ready | null = null

port.on('message', (message: ToWorker) => {
  void handle(message).catch((error: unknown) => {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  })
})

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'setup') {
    state = await prepare(message.setup)
    post({ type: 'ready' })
    return
  }
  if (!state) throw new Error('A step worker was asked for gradients before its setup.')
  post(computeShare(state, message))
}

async function prepare(setup: WorkerSetup): Promise<Ready> {
  const { backend } = await initBackend(setup.backend)
  if (backend !== setup.backend) {
    throw new Error(`A step worker could not start the ${setup.backend} backend.`)
  }
  const model = buildModel(setup.spec, 0, setup.inputSize, setup.classes)
  const variables = trainableVariables(model)
  const shapes = variables.map((v) => v.shape)
  if (JSON.stringify(shapes) !== JSON.stringify(setup.shapes)) {
    throw new Error('A step worker built a model whose weights differ from the engine’s.')
  }
  const step = buildGradientStep({ ...setup.choice, workers: 1 }, setup.spec, model, setup.l2)
  const size = variables.reduce((n, v) => n + v.size, 0)
  const { buffers } = setup
  return {
    setup,
    variables,
    step,
    weights: new Float32Array(buffers.weights),
    gradients: new Float32Array(buffers.gradients, setup.index * size * 4, size),
    // The shared batch seen as a split, so gatherTransposed can read its rows; labels come separately.
    batch: {
      x: new Float32Array(buffers.x),
      labels: new Uint8Array(0),
      count: setup.batchSize,
      inputSize: setup.inputSize
    },
    rows: Int32Array.from({ length: setup.batchSize }, (_, i) => i),
    xT: step.kind === 'fast-mlp' ? new Float32Array(setup.batchSize * setup.inputSize) : null
  }
}

function computeShare(state: Ready, request: ShareRequest): FromWorker {
  const { setup, variables, step, weights, gradients, batch } = state
  const { offset, count, total } = request
  let at = 0
  for (const variable of variables) {
    const value = tf.tensor(weights.subarray(at, at + variable.size), variable.shape)
    variable.assign(value)
    value.dispose()
    at += variable.size
  }
  const width = setup.inputSize
  const x = tf.tensor2d(batch.x.subarray(offset * width, (offset + count) * width), [count, width])
  let xT: tf.Tensor2D | undefined
  if (state.xT) {
    gatherTransposed(batch, state.rows, offset, count, state.xT)
    xT = tf.tensor2d(state.xT.subarray(0, count * width), [width, count])
  }
  const labels = new Int32Array(setup.buffers.labels, offset * 4, count)
  const result = step.gradients({
    x,
    ...(xT ? { xT } : {}),
    labels,
    dropoutSeed: request.dropoutSeed,
    share: { offset, total }
  })
  const scale = count / total
  at = 0
  for (const grad of result.grads) {
    const values = grad.dataSync() as Float32Array
    for (let i = 0; i < values.length; i++) gradients[at + i] = values[i]! * scale
    at += values.length
  }
  const loss = valueOf(result.loss) * scale
  const correct = valueOf(result.correct)
  tf.dispose([x, ...(xT ? [xT] : []), ...result.grads])
  if (typeof result.loss !== 'number') result.loss.dispose()
  if (typeof result.correct !== 'number') result.correct.dispose()
  return { type: 'done', loss, correct, tensors: tf.memory().numTensors }
}
