import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { lrFindParamsSchema, type LrPoint } from '../../../../shared/contract'
import { seedTrainConfig } from '../../../../shared/train-defaults'
import { initBackend } from '../backend'
import { mnistSample } from '../testing/mnist-sample'
import { runLrSweep, SmoothedLoss, suggestRates, sweepRate } from './lr-finder'
import { prepareData } from './session'

describe('the sweep and its smoothing', () => {
  it('spaces the rates evenly in log from start to end', () => {
    expect(sweepRate(0, 100, 1e-7, 10)).toBeCloseTo(1e-7, 20)
    expect(sweepRate(99, 100, 1e-7, 10)).toBeCloseTo(10, 10)
    expect(sweepRate(33, 100, 1e-7, 10) / sweepRate(32, 100, 1e-7, 10)).toBeCloseTo(
      sweepRate(90, 100, 1e-7, 10) / sweepRate(89, 100, 1e-7, 10),
      10
    )
  })

  it('bias-corrects the moving average: the first value is the loss itself, a constant stays constant', () => {
    const smoother = new SmoothedLoss(0.98)
    expect(smoother.add(2.3)).toBeCloseTo(2.3, 12)
    for (let i = 0; i < 10; i++) expect(smoother.add(2.3)).toBeCloseTo(2.3, 12)
    // Hand-worked: after 2.3 and 1.3 the average is (0.98*0.02*2.3 + 0.02*1.3) / (1 - 0.98^2).
    const two = new SmoothedLoss(0.98)
    two.add(2.3)
    expect(two.add(1.3)).toBeCloseTo((0.98 * 0.02 * 2.3 + 0.02 * 1.3) / (1 - 0.98 ** 2), 12)
  })
})

describe('suggestRates', () => {
  // A loss that is flat, falls fastest at 1e-3 (a logistic in log rate), bottoms out near 1e-1, then rises.
  const points: LrPoint[] = Array.from({ length: 61 }, (_, i) => {
    const rate = 10 ** (-6 + i * 0.1)
    const log = Math.log10(rate)
    const loss = 2.3 - 2 / (1 + Math.exp(-3 * (log + 3))) + (log > -1 ? (log + 1) ** 2 * 5 : 0)
    return { step: i + 1, rate, loss, smoothedLoss: loss }
  })

  it('finds the steepest descent and the minimum, and suggests the smaller with a reason', () => {
    const s = suggestRates(points)
    expect(Math.log10(s.steepestRate)).toBeCloseTo(-3, 5)
    expect(Math.log10(s.minLossRate)).toBeGreaterThan(-3)
    expect(Math.log10(s.minLossRate)).toBeLessThan(-1.5)
    expect(s.suggestion).toBe(Math.min(s.steepestRate, s.minLossRate))
    expect(s.reason).toMatch(/falls fastest at 0\.0010/)
    // The renderer words the same sentence from the catalogue, with these rates.
    expect(s.reasonText).toEqual({
      key: 'tune.finder.reason',
      params: {
        steepest: s.steepestRate,
        lowest: s.minLossRate * 10,
        tenth: s.minLossRate,
        suggestion: s.suggestion
      }
    })
  })
})

describe('runLrSweep on the sample (training batches only)', () => {
  beforeAll(async () => {
    await initBackend('wasm')
  })

  it('draws a falling then exploding curve, stops at 4x the minimum and frees its model', async () => {
    const sample = mnistSample()
    const config = seedTrainConfig({ trainFraction: 0.5, batchSize: 64 })
    const { train } = prepareData(config, sample)
    const before = tf.memory().numTensors
    const seen: LrPoint[] = []
    const result = await runLrSweep({
      params: lrFindParamsSchema.parse({ config }),
      train,
      classes: 10,
      backend: 'wasm',
      onPoint: (p) => seen.push(p)
    })
    expect(tf.memory().numTensors).toBe(before)
    expect(seen).toEqual(result.points)
    expect(result.stoppedEarly).toBe(true)
    expect(result.points.length).toBeLessThan(100)
    const min = Math.min(...result.points.map((p) => p.smoothedLoss))
    expect(result.points.at(-1)!.smoothedLoss).toBeGreaterThan(4 * min)
    // Adam on this MLP learns well between 1e-4 and 1e-2: the suggestion lands there.
    expect(result.suggestion).toBeGreaterThan(1e-5)
    expect(result.suggestion).toBeLessThan(3e-2)
    expect(result.points[0]!.rate).toBeCloseTo(1e-7, 20)
  })
})
