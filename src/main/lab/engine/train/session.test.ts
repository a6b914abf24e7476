import * as tf from '@tensorflow/tfjs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type {
  TrainStatusEvent,
  AnyLabEvent,
  BatchEvent,
  EpochEvent,
  StepChoice,
  TrainConfig
} from '../../../../shared/contract'
import { initBackend } from '../backend'
import { checkpointFolder, modelFolder } from '../../runs/model-files'
import { failureMessage, startSession } from './session'
import { nodeRunFiles } from '../node-run-files'
import { mnistSample } from '../testing/mnist-sample'
import { prepareSplit, trainRows } from '../data/batches'
import { fittedScalingTable } from '../../../../shared/scaling'
import { seedTrainConfig } from '../../../../shared/train-defaults'

const sample = mnistSample()
const dataset = { classNames: sample.classNames, train: sample.train, test: sample.test }

const baseConfig: TrainConfig = seedTrainConfig({ epochs: 3 })

let dir: string
beforeAll(async () => {
  await initBackend('wasm')
  dir = await mkdtemp(join(tmpdir(), 'lab-train-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function train(runId: string, config: Partial<TrainConfig>, resume = false) {
  const events: AnyLabEvent[] = []
  const session = await startSession({
    runId,
    files: nodeRunFiles(join(dir, runId)),
    config: { ...baseConfig, ...config },
    dataset,
    resume,
    backend: 'wasm',
    emit: (e) => events.push(e)
  })
  return { session, events }
}

const stepOf = (events: AnyLabEvent[]): StepChoice | undefined =>
  events.find((e) => e.name === 'train.status')?.payload.step

const epochsOf = (events: AnyLabEvent[]): EpochEvent[] =>
  events.filter((e) => e.name === 'train.epoch').map((e) => e.payload as EpochEvent)

describe('training on the 10,000 mnist-sample digits', () => {
  it('reaches 90% test accuracy in 3 epochs, without leaking tensors, and saves a loadable model', async () => {
    const { session, events } = await train('full', {})
    expect(await session.finished).toBe('completed')
    const epochs = epochsOf(events)
    expect(epochs).toHaveLength(3)
    expect(epochs[2]!.testAccuracy).toBeGreaterThanOrEqual(0.9)
    // The measured train loss (a pass after each epoch) falls.
    expect(epochs[0]!.trainLoss).toBeGreaterThan(epochs[2]!.trainLoss)
    // The step module's choice travels with the run's status, for run.json.
    expect(stepOf(events)).toMatchObject({ path: 'fast-mlp', lossOn: 'host', optimizerOn: 'host' })
    const first = events.find((e) => e.name === 'train.batch')
    expect(first?.payload).toMatchObject({ step: 1 })
    expect((first?.payload as { loss: number }).loss).toBeGreaterThan(1.8)

    const model = await tf.loadLayersModel(
      tf.io.fromMemory(await readModelArtifacts(join(dir, 'full', modelFolder)))
    )
    expect(model.outputs[0]!.shape).toEqual([null, 10])
    model.dispose()
  })

  it('measures the train figures after the epoch with dropout off, equal to a direct computation', async () => {
    const hidden = [{ units: 32, activation: 'relu' as const, dropout: 0.5 }]
    const { session, events } = await train('measured', {
      model: { kind: 'mlp', hidden },
      epochs: 1,
      trainFraction: 0.1875,
      batchSize: 100
    })
    expect(await session.finished).toBe('completed')
    const [epoch] = epochsOf(events)
    // The whole split trained on (0.1875 of 8,000) is measured: it is below the 10,000 limit.
    expect(epoch!.trainMeasured).toBe(1500)

    const model = await tf.loadLayersModel(
      tf.io.fromMemory(await readModelArtifacts(join(dir, 'measured', modelFolder)))
    )
    const rows = trainRows(sample.train.count, 0.1875, baseConfig.seed)!
    const split = prepareSplit(sample.train, fittedScalingTable('unit', sample.train.images), rows)
    // predict() runs without dropout; the loss is computed here from the logits by hand.
    const logits = tf.tidy(() =>
      (model.predict(tf.tensor2d(split.x, [split.count, split.inputSize])) as tf.Tensor).arraySync()
    ) as number[][]
    model.dispose()
    let lossSum = 0
    let correct = 0
    logits.forEach((row, i) => {
      const max = Math.max(...row)
      const logSum = Math.log(row.reduce((sum, v) => sum + Math.exp(v - max), 0)) + max
      lossSum += logSum - row[split.labels[i]!]!
      if (row.indexOf(max) === split.labels[i]) correct++
    })
    expect(epoch!.trainLoss).toBeCloseTo(lossSum / split.count, 4)
    expect(epoch!.trainAccuracy).toBe(correct / split.count)
    // The running mean saw dropout and the weights of the whole epoch: a different figure.
    expect(epoch!.runningLoss).not.toBeCloseTo(epoch!.trainLoss, 2)
    // The dynamics strip: the first 16 test images, with the class and probability predict() gives.
    const test = prepareSplit(sample.test, fittedScalingTable('unit', sample.train.images))
    const again = await tf.loadLayersModel(
      tf.io.fromMemory(await readModelArtifacts(join(dir, 'measured', modelFolder)))
    )
    const probabilities = tf.tidy(() =>
      tf
        .softmax(again.predict(tf.tensor2d(test.x.subarray(0, 16 * 784), [16, 784])) as tf.Tensor2D)
        .arraySync()
    ) as number[][]
    again.dispose()
    expect(epoch!.strip!.predicted).toEqual(probabilities.map((p) => p.indexOf(Math.max(...p))))
    epoch!.strip!.confidence.forEach((c, i) =>
      expect(c).toBeCloseTo(Math.max(...probabilities[i]!), 5)
    )
    // Per-layer diagnostics ride along: one row per weighted layer (32 hidden units, then the output).
    expect(epoch!.diagnostics!.layers.map((l) => l.layer)).toEqual(['dense 1', 'dense 2'])
    expect(epoch!.diagnostics!.layers[0]!.deadShare).toBeLessThan(0.5)
    expect(epoch!.diagnostics!.layers[1]!.gradientNorm).toBeGreaterThan(0)
  })

  it('keeps the tensor count flat from epoch to epoch and frees everything at the end', async () => {
    const before = tf.memory().numTensors
    const { session, events } = await train('leak', {
      epochs: 4,
      trainFraction: 0.064,
      batchSize: 64
    })
    // Sampled as each epoch is reported, when the loop holds only its steady state.
    const counts: number[] = []
    const original = events.push.bind(events)
    events.push = (...items: AnyLabEvent[]) => {
      if (items.some((e) => e.name === 'train.epoch')) counts.push(tf.memory().numTensors)
      return original(...items)
    }
    await session.finished
    expect(counts).toHaveLength(4)
    expect(new Set(counts).size).toBe(1)
    expect(tf.memory().numTensors).toBe(before)
  })

  it('gives the same first-epoch loss for the same seed', async () => {
    const config = { epochs: 1, trainFraction: 0.128, batchSize: 128 }
    const a = await train('seed-a', config)
    await a.session.finished
    const b = await train('seed-b', config)
    await b.session.finished
    // Both the running mean and the measured train loss repeat exactly.
    expect(epochsOf(a.events)[0]!.runningLoss).toBe(epochsOf(b.events)[0]!.runningLoss)
    expect(epochsOf(a.events)[0]!.trainLoss).toBe(epochsOf(b.events)[0]!.trainLoss)
  })

  it('resumes from its checkpoint with the optimizer state', async () => {
    const config = { epochs: 2, trainFraction: 0.128, batchSize: 128, seed: 5 }
    const straight = await train('straight', config)
    await straight.session.finished
    const firstHalf = await train('halves', { ...config, epochs: 1 })
    await firstHalf.session.finished
    const secondHalf = await train('halves', config, true)
    expect(await secondHalf.session.finished).toBe('completed')
    const resumed = epochsOf(secondHalf.events)
    expect(resumed.map((e) => e.epoch)).toEqual([2])
    // The running mean of epoch 2 depends on the optimizer state carried over.
    expect(resumed[0]!.runningLoss).toBeCloseTo(epochsOf(straight.events)[1]!.runningLoss, 4)
  })

  it('records the scheduled rate per epoch and continues the same curve after a resume', async () => {
    const config: Partial<TrainConfig> = {
      epochs: 3,
      trainFraction: 0.128,
      batchSize: 128,
      seed: 6,
      learningRate: 0.004,
      schedule: { kind: 'cosine', warmupEpochs: 1, minFactor: 0.1 }
    }
    const straight = await train('sched-straight', config)
    await straight.session.finished
    const rates = epochsOf(straight.events).map((e) => e.learningRate)
    // 8 steps an epoch: the warm-up ends at the rate, then the cosine falls to the floor.
    expect(rates[0]).toBeCloseTo(0.004, 12)
    expect(rates[1]).toBeLessThan(0.004)
    expect(rates[2]).toBeCloseTo(0.0004, 12)

    // Interrupted after epoch 1 (as a crash or stop would), then resumed with the same config.
    const interrupted = await train('sched-halves', config)
    const stopAfterFirst = interrupted.events.push.bind(interrupted.events)
    interrupted.events.push = (...items: AnyLabEvent[]) => {
      if (items.some((e) => e.name === 'train.epoch')) interrupted.session.control.stop()
      return stopAfterFirst(...items)
    }
    expect(await interrupted.session.finished).toBe('stopped')
    const resumed = await train('sched-halves', config, true)
    expect(await resumed.session.finished).toBe('completed')
    const after = epochsOf(resumed.events)
    expect(after.map((e) => e.epoch)).toEqual([2, 3])
    expect(after.map((e) => e.learningRate)).toEqual(rates.slice(1))
    expect(after[1]!.trainLoss).toBeCloseTo(epochsOf(straight.events)[2]!.trainLoss, 4)
  })

  it('stops as diverged with a hint when the loss is not finite', async () => {
    const { session, events } = await train('diverge', {
      optimizer: 'sgd',
      learningRate: 10,
      momentum: 0.9,
      // A seed known to blow up within three epochs at this rate (the run is deterministic).
      seed: 1,
      trainFraction: 0.256,
      epochs: 3
    })
    expect(await session.finished).toBe('diverged')
    const last = events.at(-1)!
    expect(last.name).toBe('train.status')
    expect((last.payload as { message: string }).message).toMatch(/learning rate/)
    // The app words the ending from the catalogue; the English stays for the CLI.
    expect((last.payload as TrainStatusEvent).text).toEqual({ key: 'train.outcome.diverged' })
  })

  it('pauses, resumes and stops cleanly, keeping the model', async () => {
    const { session, events } = await train('control', { epochs: 50, trainFraction: 0.256 })
    const steps = (): number[] =>
      events.filter((e) => e.name === 'train.batch').map((e) => (e.payload as BatchEvent).step)
    await vi.waitFor(() => expect(steps().length).toBeGreaterThan(0))
    session.control.pause()
    // The loop runs between its awaits: once pause() returns, no step may follow.
    const atPause = steps()
    // Batch events come at most every 100 ms: a running loop would send several in 400 ms.
    await new Promise((r) => setTimeout(r, 400))
    expect(steps()).toEqual(atPause)
    session.control.resume()
    await vi.waitFor(() => expect(steps().length).toBeGreaterThan(atPause.length))
    expect(steps().at(-1)).toBeGreaterThan(atPause.at(-1)!)
    session.control.stop()
    expect(await session.finished).toBe('stopped')
    await expect(readModelArtifacts(join(dir, 'control', modelFolder))).resolves.toBeTruthy()
  })

  it('trains a small CNN through the fast CNN path', async () => {
    const { session, events } = await train('cnn', {
      model: { kind: 'cnn', filters: [4, 8], dense: 16, dropout: 0.25 },
      epochs: 1,
      trainFraction: 0.032,
      batchSize: 64
    })
    expect(await session.finished).toBe('completed')
    expect(stepOf(events)).toMatchObject({ path: 'fast-cnn', optimizerOn: 'host', workers: 1 })
    expect(epochsOf(events)[0]!.testAccuracy).toBeGreaterThan(0.1)
    await expect(readModelArtifacts(join(dir, 'cnn', checkpointFolder))).resolves.toBeTruthy()
  })
})

async function readModelArtifacts(folder: string): Promise<tf.io.ModelArtifacts> {
  const { readFile } = await import('node:fs/promises')
  const json = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8')) as tf.io.ModelJSON
  const bin = await readFile(join(folder, 'weights.bin'))
  return {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength)
  }
}

describe('failureMessage', () => {
  it('gives the catalogue key and the first line of the reason beside the English', () => {
    expect(failureMessage(new Error('bad shape\nat stack'))).toEqual({
      message: 'Training failed: bad shape',
      text: { key: 'train.outcome.failed', params: { reason: 'bad shape' } }
    })
  })

  it('gives memory exhaustion its own advice', () => {
    const { text } = failureMessage(new Error('Out of memory: cannot allocate'))
    expect(text).toEqual({
      key: 'train.outcome.outOfMemory',
      params: { reason: 'Out of memory: cannot allocate' }
    })
  })
})
