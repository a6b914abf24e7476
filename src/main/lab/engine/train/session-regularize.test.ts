import * as tf from '@tensorflow/tfjs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  AnyLabEvent,
  EpochEvent,
  TrainConfig,
  TrainResultEvent
} from '../../../../shared/contract'
import { seedTrainConfig } from '../../../../shared/train-defaults'
import { initBackend } from '../backend'
import { prepareSplit } from '../data/batches'
import { fittedScalingTable } from '../../../../shared/scaling'
import { nodeRunFiles } from '../node-run-files'
import { stratifiedSplit } from '../data/validation-split'
import { mnistSample } from '../testing/mnist-sample'
import { modelDirName } from './checkpoint'
import { evaluate } from './loop'
import { startSession } from './session'

const sample = mnistSample()
const dataset = { classNames: sample.classNames, train: sample.train, test: sample.test }

let dir: string
beforeAll(async () => {
  await initBackend('wasm')
  dir = await mkdtemp(join(tmpdir(), 'lab-regularize-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function train(runId: string, config: Partial<TrainConfig>, resume = false) {
  const events: AnyLabEvent[] = []
  const session = await startSession({
    runId,
    files: nodeRunFiles(join(dir, runId)),
    config: seedTrainConfig(config),
    dataset,
    resume,
    backend: 'wasm',
    emit: (e) => events.push(e)
  })
  const status = await session.finished
  const epochs = events.filter((e) => e.name === 'train.epoch').map((e) => e.payload as EpochEvent)
  const result = events.find((e) => e.name === 'train.result')?.payload as
    TrainResultEvent | undefined
  return { status, epochs, result }
}

async function loadSavedModel(runId: string): Promise<tf.LayersModel> {
  const folder = join(dir, runId, modelDirName)
  const json = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8')) as tf.io.ModelJSON
  const bin = await readFile(join(folder, 'weights.bin'))
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength)
    })
  )
}

// A small train slice and a high learning rate overfit within a few epochs, so
// the validation loss turns upward and early stopping has something to catch.
const overfitting: Partial<TrainConfig> = {
  trainFraction: 512 / 7200,
  batchSize: 64,
  learningRate: 0.01,
  epochs: 40,
  seed: 3,
  validationFraction: 0.1,
  earlyStopping: { patience: 2 }
}

describe('a run with a validation split', () => {
  it('judges epochs on validation and touches test once, at the end', async () => {
    const { status, epochs, result } = await train('validated', {
      epochs: 2,
      trainFraction: 0.25,
      batchSize: 64,
      validationFraction: 0.1
    })
    expect(status).toBe('completed')
    expect(epochs.at(-1)!.validationAccuracy).toBeGreaterThan(0.7)
    for (const e of epochs) {
      expect(e.testAccuracy).toBeUndefined()
      expect(e.testLoss).toBeUndefined()
    }
    expect(result?.testAccuracy).toBeGreaterThan(0.5)
    const lowest = epochs.reduce((a, b) => (b.validationLoss! < a.validationLoss! ? b : a))
    expect(result?.bestEpoch).toBe(lowest.epoch)
    expect(result?.stoppedEpoch).toBeNull()
  })

  it('without one, reports test figures per epoch and the last epoch as the final test', async () => {
    const { epochs, result } = await train('unvalidated', { epochs: 1, trainFraction: 0.125 })
    expect(epochs[0]!.validationLoss).toBeUndefined()
    expect(result?.bestEpoch).toBeNull()
    expect(result?.testAccuracy).toBeCloseTo(epochs[0]!.testAccuracy!, 6)
  })
})

describe('early stopping', () => {
  it('stops once patience runs out and keeps the best epoch’s weights', async () => {
    const { status, epochs, result } = await train('early', overfitting)
    expect(status).toBe('completed')
    expect(result?.stoppedEpoch).toBeLessThan(40)
    expect(result?.stoppedEpoch).toBe(epochs.at(-1)!.epoch)
    expect(result?.stoppedEpoch).toBe(result!.bestEpoch! + 3)
    const best = epochs.find((e) => e.epoch === result!.bestEpoch)!

    // The saved model is the best epoch's: it scores that epoch's validation loss again.
    const table = fittedScalingTable('unit', sample.train.images)
    const rows = stratifiedSplit(sample.train.labels, 0.1, overfitting.seed!).validation
    const model = await loadSavedModel('early')
    const again = await evaluate(model, prepareSplit(sample.train, table, rows), 10)
    model.dispose()
    expect(again.loss).toBeCloseTo(best.validationLoss!, 4)
    expect(again.loss).toBeLessThan(epochs.at(-1)!.validationLoss!)
  })

  it('stops after the same epoch, with the same weights, when resumed from a checkpoint', async () => {
    const straight = await train('early-straight', overfitting)
    const stoppedAt = straight.result!.stoppedEpoch!
    // Interrupted one epoch after the best: the checkpoint must carry the best weights.
    const cut = straight.result!.bestEpoch! + 1
    await train('early-halves', { ...overfitting, epochs: cut })
    const resumed = await train('early-halves', overfitting, true)
    expect(resumed.result?.stoppedEpoch).toBe(stoppedAt)
    expect(resumed.result?.bestEpoch).toBe(straight.result!.bestEpoch)
    expect(resumed.result?.testAccuracy).toBeCloseTo(straight.result!.testAccuracy, 5)
  })

  it('trains with augmentation, reproducibly for a seed', async () => {
    const config: Partial<TrainConfig> = {
      epochs: 1,
      trainFraction: 0.125,
      batchSize: 128,
      augmentation: { shift: 2, rotate: 10, scale: 0.1 }
    }
    const a = await train('augment-a', config)
    const b = await train('augment-b', config)
    const plain = await train('augment-plain', { ...config, augmentation: undefined })
    expect(a.epochs[0]!.trainLoss).toBe(b.epochs[0]!.trainLoss)
    expect(a.epochs[0]!.trainLoss).not.toBe(plain.epochs[0]!.trainLoss)
  })
})
