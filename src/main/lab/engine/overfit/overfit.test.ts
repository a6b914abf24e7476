import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultModelSpec } from '../../../../shared/model-summary'
import { initBackend } from '../backend'
import { prepareSplit, type PreparedSplit } from '../data/batches'
import { fittedScalingTable } from '../../../../shared/scaling'
import { buildModel } from '../model/model'
import { mnistSample } from '../testing/mnist-sample'
import { baselines, majorityBaseline } from './baselines'
import { diagnosticWarnings, singleThreaded, stepDiagnostics } from './diagnostics'
import { checkInit } from './init-check'
import { overfitOneBatch } from './one-batch'
import { seededRandom } from '../rng'
import { chooseStep } from '../step/choice'
import { buildStep } from '../step/plan'

const sample = mnistSample()
const unit = fittedScalingTable('unit', sample.train.images)
const train = prepareSplit(sample.train, unit)

beforeAll(async () => {
  await initBackend('wasm')
})

/** Labels in the given shares, and inputs that carry the label (one-hot plus noise). */
function synthetic(count: number, shares: number[], seed: number): PreparedSplit {
  const random = seededRandom(seed)
  const labels = new Uint8Array(count)
  let row = 0
  shares.forEach((share, label) => {
    const end = label === shares.length - 1 ? count : row + Math.round(share * count)
    labels.fill(label, row, end)
    row = end
  })
  const width = 4
  const x = new Float32Array(count * width)
  labels.forEach((label, r) => {
    for (let j = 0; j < width; j++) x[r * width + j] = (j === label ? 1 : 0) + 0.1 * random()
  })
  return { x, labels, count, inputSize: width }
}

describe('loss at init', () => {
  it('is near ln(10) for the seed MLP on scaled inputs, with small logits', async () => {
    const model = buildModel(defaultModelSpec, 42)
    const check = await checkInit(model, train, 10)
    model.dispose()
    expect(check.images).toBe(1000)
    expect(check.expected).toBeCloseTo(Math.log(10), 10)
    expect(Math.abs(check.initialLoss - Math.log(10))).toBeLessThan(0.2)
    expect(check.ok).toBe(true)
    expect(check.logitSpread).toBeLessThan(1)
  })

  it('is far off when the inputs are not scaled (raw 0..255 pixels)', async () => {
    const raw = prepareSplit(sample.train, fittedScalingTable('none', sample.train.images))
    const model = buildModel(defaultModelSpec, 42)
    const check = await checkInit(model, raw, 10)
    model.dispose()
    expect(check.ok).toBe(false)
    expect(check.initialLoss).toBeGreaterThan(10)
    expect(check.logitSpread).toBeGreaterThan(10)
  })
})

describe('baselines', () => {
  it('scores the majority class by hand: train says class 0, which is 25% of test', () => {
    const trainSet = synthetic(10, [0.6, 0.2, 0.2], 1)
    const testSet = synthetic(8, [0.25, 0.5, 0.25], 2)
    expect(majorityBaseline(trainSet, testSet, 3)).toEqual({
      baseline: 'majority',
      testAccuracy: 0.25,
      testLoss: null
    })
  })

  it('learns only the class prior without inputs', async () => {
    const trainSet = synthetic(2560, [0.6, 0.2, 0.2], 3)
    const testSet = synthetic(1000, [0.25, 0.5, 0.25], 4)
    const [majority, independent] = await baselines(trainSet, testSet, 3, 7, 'wasm')
    expect(majority!.testAccuracy).toBe(0.25)
    // Predicting the train prior (0.6, 0.2, 0.2) on a test split of (0.25, 0.5, 0.25):
    // -(0.25 ln 0.6 + 0.5 ln 0.2 + 0.25 ln 0.2) = 1.3348.
    const priorLoss = -(0.25 * Math.log(0.6) + 0.75 * Math.log(0.2))
    expect(independent!.testLoss).toBeCloseTo(priorLoss, 2)
    expect(independent!.testAccuracy).toBe(0.25)
  })

  it('puts a linear softmax model well above the majority class on real digits', async () => {
    const test = prepareSplit(sample.test, unit)
    const [majority, independent, linear] = await baselines(train, test, 10, 1, 'wasm')
    expect(majority!.testAccuracy).toBeLessThan(0.15)
    expect(independent!.testAccuracy).toBe(majority!.testAccuracy)
    // ln(10) minus what the nearly even class prior of the sample is worth.
    expect(independent!.testLoss).toBeGreaterThan(2.25)
    expect(independent!.testLoss).toBeLessThan(Math.log(10))
    expect(linear!.testAccuracy).toBeGreaterThan(0.8)
    expect(linear!.testLoss).toBeLessThan(independent!.testLoss!)
  })
})

describe('overfit one batch', () => {
  it('drives the seed MLP below 0.01 on 32 images, every prediction right, no tensor left', async () => {
    const before = tf.memory().numTensors
    const steps: number[] = []
    const batches: { images: number[][]; labels: number[] }[] = []
    const result = await overfitOneBatch({
      model: {
        kind: 'mlp',
        hidden:
          defaultModelSpec.kind === 'mlp'
            ? defaultModelSpec.hidden.map((l) => ({ ...l, dropout: 0.5 }))
            : []
      },
      train,
      classes: 10,
      batchSize: 32,
      steps: 500,
      learningRate: 0.001,
      seed: 1,
      backend: 'wasm',
      raw: sample.train,
      onStep: (s) => {
        steps.push(s.step)
        if (s.batch) batches.push(s.batch)
      }
    })
    expect(result).not.toBeNull()
    expect(result!.passed).toBe(true)
    expect(result!.finalLoss).toBeLessThan(0.01)
    expect(result!.curve[0]!.loss).toBeGreaterThan(1.5)
    expect(result!.predictions).toEqual(result!.labels)
    expect(result!.labels).toEqual(result!.indices.map((i) => train.labels[i]))
    expect(result!.hint).toBeUndefined()
    expect(steps[0]).toBe(1)
    // The first step carries the batch's raw images, row for row.
    expect(batches).toHaveLength(1)
    const row = result!.indices[0]!
    expect(batches[0]!.images[0]).toEqual(
      Array.from(sample.train.images.subarray(row * 784, (row + 1) * 784))
    )
    expect(batches[0]!.labels).toEqual(result!.labels)
    expect(steps.at(-1)).toBe(result!.steps)
    expect(result!.diagnostics.map((d) => d.layer)).toEqual([
      'dense 1',
      'dense 2',
      'dense 3',
      'dense 4'
    ])
    expect(tf.memory().numTensors).toBe(before)
  })

  it('says what to suspect when the loss will not fall', async () => {
    const result = await overfitOneBatch({
      model: defaultModelSpec,
      train,
      classes: 10,
      batchSize: 16,
      steps: 20,
      learningRate: 1e-7,
      seed: 1,
      backend: 'wasm'
    })
    expect(result!.passed).toBe(false)
    expect(result!.hint).toMatch(/learning rate/)
  })

  it('refuses a batch larger than the training split', async () => {
    const tiny = { ...train, count: 10, labels: train.labels.subarray(0, 10) }
    await expect(
      overfitOneBatch({
        model: defaultModelSpec,
        train: tiny,
        classes: 10,
        batchSize: 32,
        steps: 5,
        learningRate: 0.001,
        seed: 1,
        backend: 'wasm'
      })
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('larger than the training split (10 images)')
    })
  })

  it('stops when asked, with no result', async () => {
    let calls = 0
    const result = await overfitOneBatch({
      model: defaultModelSpec,
      train,
      classes: 10,
      batchSize: 32,
      steps: 500,
      learningRate: 0.001,
      seed: 1,
      backend: 'wasm',
      stopped: () => ++calls > 3
    })
    expect(result).toBeNull()
  })
})

/** The seed MLP's gradient step as training builds it on wasm. */
async function stepFor(model: tf.LayersModel) {
  const built = await buildStep(chooseStep('mlp', 'wasm'), defaultModelSpec, model, {
    l2: 0,
    optimizer: { name: 'adam', learningRate: 0.001, momentum: 0 }
  })
  built.optimizer.dispose()
  return singleThreaded(built.gradients)
}

describe('layer diagnostics', () => {
  it('finds a layer whose ReLU units are mostly dead', async () => {
    const model = buildModel(defaultModelSpec, 3)
    // A bias of -100 keeps a unit below zero on [0,1] inputs: 40 of the first layer's 64.
    const [kernel, bias] = model.layers[0]!.getWeights()
    const deadBias = tf.tidy(() =>
      tf.concat([tf.fill([40], -100), tf.zeros([bias!.shape[0]! - 40])])
    )
    model.layers[0]!.setWeights([kernel!, deadBias])
    deadBias.dispose()
    const x = tf.tensor2d(train.x.subarray(0, 64 * 784), [64, 784])
    const labels = Int32Array.from(train.labels.subarray(0, 64))
    const layers = await stepDiagnostics(model, await stepFor(model), x, labels)
    x.dispose()
    model.dispose()
    expect(layers[0]!.deadShare).toBe(40 / 64)
    expect(layers[1]!.deadShare).toBeLessThan(0.5)
    // The output layer has no activation to judge.
    expect(layers[3]!.deadShare).toBeNull()
    expect(layers[3]!.activationMean).toBeNull()
    expect(layers.every((l) => l.gradientNorm > 0)).toBe(true)
    expect(diagnosticWarnings(layers)).toEqual([
      'dense 1: 63% of its units never fire on this batch (dead ReLUs). Lower the learning rate, or check the input scaling and the initialization.'
    ])
  })

  it('warns about a gradient vanishingly small beside the others', () => {
    const layer = (name: string, gradientNorm: number) => ({
      layer: name,
      activationMean: 0.5,
      activationSpread: 0.2,
      deadShare: 0.1,
      gradientNorm
    })
    const warnings = diagnosticWarnings([
      layer('dense 1', 2e-6),
      layer('dense 2', 0.01),
      layer('dense 3', 0.5)
    ])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^dense 1: its gradient \(norm 2\.0e-6\) is vanishingly small/)
  })

  it('stays quiet for a healthy model', async () => {
    const model = buildModel(defaultModelSpec, 3)
    const x = tf.tensor2d(train.x.subarray(0, 64 * 784), [64, 784])
    const layers = await stepDiagnostics(
      model,
      await stepFor(model),
      x,
      Int32Array.from(train.labels.subarray(0, 64))
    )
    x.dispose()
    model.dispose()
    expect(diagnosticWarnings(layers)).toEqual([])
    for (const l of layers.slice(0, 3)) expect(l.activationSpread).toBeGreaterThan(0)
  })
})
