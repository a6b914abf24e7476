/**
 * The training loop on its own: a small slice of the MNIST sample, the step the
 * step module chooses, no files and no events. session.test.ts covers the
 * session around it (checkpoints, resume, status events).
 */
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { EpochMetrics, ModelSpec } from '../../../../shared/contract'
import { fittedScalingTable } from '../../../../shared/scaling'
import { initBackend } from '../backend'
import { augmentRows } from '../data/augment'
import {
  BatchGatherer,
  epochOrder,
  prepareSplit,
  trainRows,
  type PreparedSplit
} from '../data/batches'
import type { HostBatch, ParallelStep } from '../parallel/step-pool'
import { buildModel, trainableVariables } from '../model/model'
import { chooseStep } from '../step/choice'
import { buildStep } from '../step/plan'
import { mnistSample } from '../testing/mnist-sample'
import { TrainingControl } from './control'
import { divergedMessage, trainLoop, type LoopCallbacks, type LoopOutcome } from './loop'

let data: { train: PreparedSplit; test: PreparedSplit; classes: number }

beforeAll(async () => {
  await initBackend('wasm')
  const sample = mnistSample()
  const table = fittedScalingTable('unit', sample.train.images)
  data = {
    train: prepareSplit(sample.train, table, trainRows(sample.train.count, 0.1, 1)),
    test: prepareSplit(sample.test, table, trainRows(sample.test.count, 0.25, 1)),
    classes: 10
  }
})

const mlp: ModelSpec = {
  kind: 'mlp',
  hidden: [{ units: 32, activation: 'relu', dropout: 0 }]
}

async function loop(
  options: { epochs: number; learningRate: number; epochsDone?: number; sgd?: boolean },
  callbacks: Partial<LoopCallbacks> = {},
  control = new TrainingControl()
): Promise<{ outcome: LoopOutcome; epochs: EpochMetrics[]; batches: number }> {
  const model = buildModel(mlp, 3)
  const { gradients, optimizer } = await buildStep(chooseStep('mlp', 'wasm'), mlp, model, {
    l2: 0,
    optimizer: {
      name: options.sgd ? 'sgd' : 'adam',
      learningRate: options.learningRate,
      momentum: 0
    }
  })
  const epochs: EpochMetrics[] = []
  let batches = 0
  try {
    const outcome = await trainLoop({
      model,
      step: gradients,
      optimizer,
      data,
      settings: { epochs: options.epochs, batchSize: 64, shuffle: true, seed: 3, l2: 0 },
      progress: { epochsDone: options.epochsDone ?? 0, steps: 0 },
      control,
      callbacks: {
        onBatch: (event) => {
          batches++
          callbacks.onBatch?.(event)
        },
        onEpoch: async (metrics) => {
          epochs.push(metrics)
          await callbacks.onEpoch?.(metrics)
        }
      }
    })
    return { outcome, epochs, batches }
  } finally {
    optimizer.dispose()
    model.dispose()
  }
}

describe('trainLoop', () => {
  it('learns: the evaluated loss falls and test accuracy rises over the epochs', async () => {
    const { outcome, epochs } = await loop({ epochs: 3, learningRate: 0.003 })
    expect(outcome).toEqual({ status: 'completed', epochsDone: 3 })
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3])
    expect(epochs[2]!.trainLoss).toBeLessThan(epochs[0]!.trainLoss)
    expect(epochs[2]!.testAccuracy).toBeGreaterThan(0.7)
  })

  it('leaves no tensors behind, however many epochs it runs', async () => {
    const before = tf.memory().numTensors
    await loop({ epochs: 1, learningRate: 0.003 })
    const afterOne = tf.memory().numTensors
    await loop({ epochs: 3, learningRate: 0.003 })
    expect(afterOne).toBe(before)
    expect(tf.memory().numTensors).toBe(before)
  })

  it('starts after the epochs already done (a resumed run)', async () => {
    const { epochs } = await loop({ epochs: 3, learningRate: 0.003, epochsDone: 2 })
    expect(epochs.map((e) => e.epoch)).toEqual([3])
  })

  it('stops at the next batch when asked, and reports the epochs it finished', async () => {
    const control = new TrainingControl()
    const { outcome, epochs } = await loop(
      { epochs: 5, learningRate: 0.003 },
      { onEpoch: async () => control.stop() },
      control
    )
    expect(outcome).toEqual({ status: 'stopped', epochsDone: 1 })
    expect(epochs).toHaveLength(1)
  })

  it('ends as diverged with advice when the loss stops being a number', async () => {
    // Steps so large that the weights overflow float32 within a few batches.
    const { outcome } = await loop({ epochs: 3, learningRate: 1e30, sgd: true })
    expect(outcome).toMatchObject({ status: 'diverged', message: divergedMessage })
  })

  it('gathers the next batch while a step pool computes, and trains on the same batches as gathered one at a time', async () => {
    const settings = { epochs: 2, batchSize: 64, shuffle: true, seed: 3, l2: 0 }
    const augment = augmentRows({ shift: 2, rotate: 10, scale: 0.1 }, 3, data.train, 0)
    const model = buildModel(mlp, 3)
    const variables = trainableVariables(model)
    const seen: number[][] = []
    // A pool that reads its batch only after a turn of the event loop (the real one
    // copies it at once): a loop that refilled the batch's buffers meanwhile fails here.
    const step: ParallelStep = {
      kind: 'parallel',
      workers: 2,
      workerTensors: () => [],
      dispose: async () => {},
      gradients: async (batch: HostBatch) => {
        await new Promise((resolve) => setImmediate(resolve))
        if (batch.dropoutSeed !== 0) seen.push([...batch.x, ...batch.labels])
        return { loss: 1, correct: 0, grads: variables.map((v) => tf.zerosLike(v)) }
      }
    }
    const { optimizer } = await buildStep(chooseStep('mlp', 'wasm'), mlp, model, {
      l2: 0,
      optimizer: { name: 'sgd', learningRate: 0, momentum: 0 }
    })
    try {
      await trainLoop({
        model,
        step,
        optimizer,
        data,
        augment,
        settings,
        progress: { epochsDone: 0, steps: 0 },
        control: new TrainingControl(),
        callbacks: { onBatch: () => {}, onEpoch: async () => {} }
      })
    } finally {
      optimizer.dispose()
      model.dispose()
    }
    const expected: number[][] = []
    const gatherer = new BatchGatherer(data.train, settings.batchSize, false, augment)
    for (let epoch = 1; epoch <= settings.epochs; epoch++) {
      const order = epochOrder(data.train.count, true, settings.seed, epoch)
      for (let start = 0; start < data.train.count; start += settings.batchSize) {
        const b = gatherer.gather(order, start, epoch)
        expected.push([...b.x, ...b.labels])
      }
    }
    expect(seen.length).toBe(expected.length)
    seen.forEach((batch, i) => expect(batch).toEqual(expected[i]))
  })
})
