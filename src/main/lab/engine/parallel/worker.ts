/**
 * A step worker thread: its own tfjs wasm instance computing one share of every
 * batch. After its set-up message it sleeps in Atomics.wait on its control block
 * (protocol.ts) until the engine posts a share, reads the weights and its rows
 * from shared memory, runs the same gradient step as the serial path, and writes
 * its gradients, already scaled by its share of the batch, into its own area, so
 * the engine only adds them up.
 */
import { parentPort } from 'node:worker_threads'
import * as tf from '@tensorflow/tfjs'
import { initBackend } from '../backend'
import { buildModel, trainableVariables } from '../model/model'
import type { GradientStep } from '../step/loss'
import { buildGradientStep } from '../step/plan'
import { computeShare, shareSource, type ShareSource } from './share'
import {
  controlBlock,
  slot,
  wideSlot,
  type ControlBlock,
  type FromWorker,
  type ToWorker,
  type WorkerSetup
} from './protocol'

interface Ready {
  setup: WorkerSetup
  variables: tf.Variable[]
  step: GradientStep
  weights: Float32Array
  gradients: Float32Array
  source: ShareSource
  control: ControlBlock
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
  if (state) throw new Error('A step worker was set up twice.')
  state = await prepare(message.setup)
  post({ type: 'ready' })
  serve(state)
}

/**
 * Computes every share the engine posts, until the pool closes. It blocks this
 * thread's event loop, which has nothing else to do; the engine still stops the
 * thread with terminate() while it waits.
 */
function serve(state: Ready): void {
  const { ints, wide } = state.control
  let done = 0
  for (;;) {
    Atomics.wait(ints, slot.posted, done)
    if (Atomics.load(ints, slot.stop) === 1) return
    const posted = Atomics.load(ints, slot.posted)
    if (posted === done) continue
    const share = {
      offset: ints[slot.offset]!,
      count: ints[slot.count]!,
      total: ints[slot.total]!,
      dropoutSeed: wide[wideSlot.dropoutSeed]!
    }
    loadWeights(state)
    const { loss, correct } = computeShare(state.step, state.source, share, state.gradients)
    wide[wideSlot.loss] = loss
    ints[slot.correct] = correct
    ints[slot.tensors] = tf.memory().numTensors
    done = posted
    Atomics.store(ints, slot.finished, done)
    Atomics.notify(ints, slot.finished)
  }
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
    source: shareSource(
      step,
      new Float32Array(buffers.x),
      new Int32Array(buffers.labels),
      setup.batchSize,
      setup.inputSize
    ),
    control: controlBlock(buffers.control, setup.index)
  }
}

/** The engine's weights of this step, from shared memory into this thread's model. */
function loadWeights(state: Ready): void {
  let at = 0
  for (const variable of state.variables) {
    const value = tf.tensor(state.weights.subarray(at, at + variable.size), variable.shape)
    variable.assign(value)
    value.dispose()
    at += variable.size
  }
}
