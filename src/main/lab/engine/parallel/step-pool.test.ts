import * as tf from '@tensorflow/tfjs'
import type { Worker } from 'node:worker_threads'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ModelSpec } from '../../../../shared/contract'
import { initBackend } from '../backend'
import { buildModel, trainableVariables } from '../model/model'
import { seededRandom } from '../rng'
import { valueOf } from '../step/loss'
import { chooseStep } from '../step/choice'
import { buildGradientStep } from '../step/plan'
import { spawnStepWorker, splitRows, startStepPool, type ParallelStep } from './step-pool'

const classes = 10
let pools: ParallelStep[] = []

beforeAll(async () => {
  await initBackend('wasm')
})
afterEach(async () => {
  await Promise.all(pools.map((p) => p.dispose()))
  pools = []
})

function hostBatch(size: number, inputSize: number, seed: number) {
  const random = seededRandom(seed)
  return {
    x: Float32Array.from({ length: size * inputSize }, () => random()),
    labels: Int32Array.from({ length: size }, () => Math.floor(random() * classes)),
    size,
    dropoutSeed: 99
  }
}

async function pool(
  spec: ModelSpec,
  model: tf.LayersModel,
  workers: number,
  l2 = 0,
  spawn?: () => Worker
) {
  const inputSize = model.inputs[0]!.shape[1]!
  const started = await startStepPool({
    workers,
    backend: 'wasm',
    choice: chooseStep(spec.kind, 'wasm', workers),
    local: buildGradientStep(chooseStep(spec.kind, 'wasm'), spec, model, l2),
    spec,
    l2,
    inputSize,
    classes,
    batchSize: 64,
    variables: trainableVariables(model),
    ...(spawn ? { spawn } : {})
  })
  pools.push(started)
  return started
}

const cases: [string, ModelSpec, number, number][] = [
  [
    'MLP with dropout and L2, 2 workers',
    {
      kind: 'mlp',
      hidden: [
        { units: 32, activation: 'relu', dropout: 0.3 },
        { units: 16, activation: 'tanh', dropout: 0 }
      ]
    },
    784,
    2
  ],
  [
    'MLP, 3 workers on an uneven split',
    { kind: 'mlp', hidden: [{ units: 24, activation: 'relu', dropout: 0 }] },
    784,
    3
  ],
  ['CNN with dropout, 2 workers', { kind: 'cnn', filters: [4, 6], dense: 12, dropout: 0.4 }, 64, 2]
]

describe('step pool', () => {
  it.each(cases)(
    'gives the serial step’s loss and gradients: %s',
    async (_name, spec, inputSize, workers) => {
      const model = buildModel(spec, 5, inputSize, classes)
      const batch = hostBatch(50, inputSize, 3)
      const parallel = await (await pool(spec, model, workers, 0.01)).gradients(batch)
      const serial = buildGradientStep(chooseStep(spec.kind, 'wasm'), spec, model, 0.01).gradients({
        x: tf.tensor2d(batch.x, [batch.size, inputSize]),
        labels: batch.labels,
        dropoutSeed: batch.dropoutSeed
      })
      expect(valueOf(parallel.loss)).toBeCloseTo(valueOf(serial.loss), 5)
      expect(valueOf(parallel.correct)).toBe(valueOf(serial.correct))
      parallel.grads.forEach((g, i) => {
        const r = serial.grads[i]!
        const error = tf.max(tf.abs(tf.sub(g, r))).dataSync()[0]!
        const scale = tf.max(tf.abs(r)).dataSync()[0]! + 1e-6
        expect(error / scale).toBeLessThan(1e-4)
      })
      tf.dispose([...parallel.grads, ...serial.grads])
      model.dispose()
    }
  )

  it('leaves no tensors behind in the engine or the worker threads', async () => {
    const spec: ModelSpec = { kind: 'cnn', filters: [2, 3], dense: 4, dropout: 0.5 }
    const model = buildModel(spec, 5, 64, classes)
    const step = await pool(spec, model, 3)
    const run = async () => tf.dispose((await step.gradients(hostBatch(8, 64, 6))).grads)
    await run()
    const after = step.workerTensors()
    const engine = tf.memory().numTensors
    expect(after).toHaveLength(2)
    expect(after.every((n) => n > 0)).toBe(true)
    for (let i = 0; i < 3; i++) await run()
    expect(step.workerTensors()).toEqual(after)
    expect(tf.memory().numTensors).toBe(engine)
    model.dispose()
  })

  it('follows the engine’s weights from step to step', async () => {
    const spec: ModelSpec = { kind: 'mlp', hidden: [{ units: 8, activation: 'relu', dropout: 0 }] }
    const model = buildModel(spec, 5, 784, classes)
    const step = await pool(spec, model, 2)
    const batch = hostBatch(16, 784, 4)
    const before = valueOf((await step.gradients(batch)).loss)
    for (const v of trainableVariables(model)) v.assign(tf.zerosLike(v))
    // All-zero weights give uniform logits: the loss is ln(10) whatever the batch.
    const after = valueOf((await step.gradients(batch)).loss)
    expect(after).toBeCloseTo(Math.log(classes), 5)
    expect(before).not.toBeCloseTo(after, 3)
    model.dispose()
  })

  it('fails the step with the reason when a worker dies, and never hangs', async () => {
    const spec: ModelSpec = { kind: 'mlp', hidden: [{ units: 8, activation: 'relu', dropout: 0 }] }
    const model = buildModel(spec, 5, 784, classes)
    const threads: Worker[] = []
    const step = await pool(spec, model, 2, 0, () => {
      const worker = spawnStepWorker()
      threads.push(worker)
      return worker
    })
    const batch = hostBatch(16, 784, 4)
    await step.gradients(batch)
    await threads[0]!.terminate()
    await expect(step.gradients(batch)).rejects.toThrow(/Training worker 2 stopped: it exited/)
    // Dying in the middle of a step rejects the step that waits on it.
    const other = await pool(spec, model, 2, 0, () => {
      const worker = spawnStepWorker()
      threads.push(worker)
      return worker
    })
    const waiting = other.gradients(hostBatch(64, 784, 5))
    void threads[1]!.terminate()
    await expect(waiting).rejects.toThrow(/Training worker 2 stopped/)
    model.dispose()
  })

  it('splits rows into contiguous, even shares', () => {
    expect(splitRows(10, 3)).toEqual([
      { offset: 0, count: 4 },
      { offset: 4, count: 3 },
      { offset: 7, count: 3 }
    ])
    expect(splitRows(1, 2)).toEqual([{ offset: 0, count: 1 }])
  })
})
