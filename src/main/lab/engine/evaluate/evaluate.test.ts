import { imagePixels } from '../../../../shared/image'
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SplitData } from '../../datasets/load'
import {
  argmax,
  buildEvaluation,
  cellImages,
  predictSplit,
  topLosses,
  type Predictor
} from './evaluate'

/**
 * A hand-built 3-class model: logit j is pixel j / 10, so the probabilities of
 * every image are known in closed form (softmax of the first three pixels / 10).
 */
function tinyModel(): tf.Sequential {
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [imagePixels], units: 3, useBias: false })]
  })
  const kernel = tf.buffer([imagePixels, 3])
  for (let j = 0; j < 3; j++) kernel.set(25.5, j, j)
  const weights = kernel.toTensor()
  model.setWeights([weights])
  weights.dispose()
  return model
}

function predictorOf(model: tf.LayersModel): Predictor {
  return async (images, count) => {
    const probabilities = tf.tidy(() => {
      const input = tf.tensor2d(Float32Array.from(images), [count, imagePixels]).div(255)
      return tf.softmax(model.predict(input) as tf.Tensor2D)
    })
    const values = (await probabilities.data()) as Float32Array
    probabilities.dispose()
    return values
  }
}

/** Images whose first three pixels are given; labels as given. */
function splitOf(samples: { label: number; px: [number, number, number] }[]): SplitData {
  const images = new Uint8Array(samples.length * imagePixels)
  samples.forEach((s, i) => images.set(s.px, i * imagePixels))
  return { images, labels: Uint8Array.from(samples.map((s) => s.label)), count: samples.length }
}

const e = Math.E
const data = splitOf([
  { label: 0, px: [20, 0, 0] }, // right, p = e^2 / (e^2 + 2)
  { label: 0, px: [0, 30, 0] }, // wrong: says 1 with e^3 / (e^3 + 2); p(true) = 1 / (e^3 + 2)
  { label: 1, px: [0, 10, 0] }, // right, p = e / (e + 2)
  { label: 2, px: [0, 0, 40] }, // right, p = e^4 / (e^4 + 2)
  { label: 2, px: [10, 0, 0] }, // wrong: says 0 with e / (e + 2); p(true) = 1 / (e + 2)
  { label: 1, px: [0, 20, 0] }, // right, p = e^2 / (e^2 + 2)
  { label: 0, px: [0, 0, 0] } // a three-way tie: the lowest class wins, p = 1/3
])

describe('evaluation of a hand-built model', () => {
  let predict: Predictor

  beforeAll(async () => {
    await tf.setBackend('cpu')
    predict = predictorOf(tinyModel())
  })

  it('predicts every image with the closed-form probabilities', async () => {
    const p = await predictSplit(data, 3, predict)
    expect(Array.from(p.predicted)).toEqual([0, 1, 1, 2, 0, 1, 0])
    const expected = [
      e ** 2 / (e ** 2 + 2),
      e ** 3 / (e ** 3 + 2),
      e / (e + 2),
      e ** 4 / (e ** 4 + 2),
      e / (e + 2),
      e ** 2 / (e ** 2 + 2),
      1 / 3
    ]
    expected.forEach((v, i) => expect(p.confidence[i]).toBeCloseTo(v, 5))
    expect(p.probabilities[1 * 3 + 0]).toBeCloseTo(1 / (e ** 3 + 2), 5)
  })

  it('gives the same predictions whatever the batch size', async () => {
    const whole = await predictSplit(data, 3, predict)
    const batched = await predictSplit(data, 3, predict, 3)
    expect(Array.from(batched.probabilities)).toEqual(Array.from(whole.probabilities))
  })

  it('leaves no tensors behind', async () => {
    await predictSplit(data, 3, predict, 2)
    const before = tf.memory().numTensors
    await predictSplit(data, 3, predict, 2)
    expect(tf.memory().numTensors).toBe(before)
  })

  it('summarizes into accuracy, F1, the confusion matrix and the confused pairs', async () => {
    const p = await predictSplit(data, 3, predict)
    const evaluation = buildEvaluation(
      { runId: 'r1', classNames: ['a', 'b', 'c'] },
      'test',
      p,
      data
    )
    expect(evaluation.confusion).toEqual([
      [2, 1, 0],
      [0, 2, 0],
      [1, 0, 1]
    ])
    expect(evaluation.accuracy).toBeCloseTo(5 / 7, 12)
    // Class 0: P 2/3 R 2/3 F1 2/3; class 1: P 2/3 R 1 F1 4/5; class 2: P 1 R 1/2 F1 2/3.
    expect(evaluation.macroF1).toBeCloseTo((2 / 3 + 4 / 5 + 2 / 3) / 3, 12)
    expect(evaluation.weightedF1).toBeCloseTo(((2 / 3) * 3 + (4 / 5) * 2 + (2 / 3) * 2) / 7, 12)
    expect(evaluation.confusedPairs).toEqual([
      { trueClass: 0, predicted: 1, count: 1 },
      { trueClass: 2, predicted: 0, count: 1 }
    ])
    expect(evaluation.topLosses.map((s) => s.index)).toEqual([1, 4])
    expect(evaluation.runId).toBe('r1')
    expect(evaluation.classNames).toEqual(['a', 'b', 'c'])
  })

  it('lists the images of a cell, most confident first, with probabilities and pixels', async () => {
    const p = await predictSplit(data, 3, predict)
    const cell = cellImages(p, data, 1, 1, 10)
    expect(cell.total).toBe(2)
    expect(cell.items.map((s) => s.index)).toEqual([5, 2])
    const first = cell.items[0]
    expect(first.label).toBe(1)
    expect(first.predicted).toBe(1)
    expect(first.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5)
    expect(first.loss).toBeCloseTo(-Math.log(e ** 2 / (e ** 2 + 2)), 5)
    expect(first.pixels).toHaveLength(784)
    expect(first.pixels.slice(0, 3)).toEqual([0, 20, 0])

    const limited = cellImages(p, data, 0, 0, 1)
    expect(limited).toMatchObject({ total: 2, items: [{ index: 0 }] })
    expect(cellImages(p, data, 1, 2, 5)).toEqual({ items: [], total: 0 })
  })

  it('orders top losses by the probability given to the true class', async () => {
    const p = await predictSplit(data, 3, predict)
    const losses = topLosses(p, data, 5)
    expect(losses.map((s) => s.index)).toEqual([1, 4])
    expect(losses[0].loss).toBeCloseTo(Math.log(e ** 3 + 2), 5)
    expect(losses[0].loss).toBeGreaterThan(losses[1].loss)
    expect(topLosses(p, data, 1)).toHaveLength(1)
  })

  it('ranks a surer wrong answer lower when it still gave the true class more', async () => {
    // A says 1 with 0.61 but gives the true class 2 0.37; B says 0 with 0.58 and
    // gives class 2 only 0.21. B has the higher loss, though A is the more confident.
    const twoMistakes = splitOf([
      { label: 2, px: [0, 30, 25] },
      { label: 2, px: [10, 0, 0] }
    ])
    const p = await predictSplit(twoMistakes, 3, predict)
    expect(p.confidence[0]).toBeGreaterThan(p.confidence[1])
    expect(topLosses(p, twoMistakes, 2).map((s) => s.index)).toEqual([1, 0])
  })

  it('says so when the model and the dataset disagree on the number of classes', async () => {
    const refused = predictSplit(data, 4, predict)
    await expect(refused).rejects.toThrow(/3 outputs per image, but the dataset has 4 classes/)
    await expect(refused).rejects.toMatchObject({
      text: { key: 'evaluate.errors.outputsMismatch', params: { outputs: 3, classes: 4 } }
    })
  })

  it('handles an empty split', async () => {
    const p = await predictSplit(
      { images: new Uint8Array(0), labels: new Uint8Array(0), count: 0 },
      3,
      predict
    )
    expect(p.count).toBe(0)
  })
})

describe('argmax', () => {
  it('takes the lowest index on a tie', () => {
    expect(argmax([0.2, 0.4, 0.4])).toBe(1)
    expect(argmax([1])).toBe(0)
  })
})
