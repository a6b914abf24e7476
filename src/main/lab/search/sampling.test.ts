import { describe, expect, it } from 'vitest'
import {
  defaultSearchSpace,
  searchSpaceProblems,
  trainConfigSchema,
  type SearchSpace
} from '../../../shared/contract'
import { seedTrainConfig } from '../../../shared/train-defaults'
import { sampleTrialConfig } from './sampling'

const base = seedTrainConfig({ epochs: 4 })

describe('random search sampling', () => {
  it("keeps the base's validation share when it has one", () => {
    const held = { ...base, validationFraction: 0.2 }
    expect(sampleTrialConfig(defaultSearchSpace, held, 1, 0).validationFraction).toBe(0.2)
  })

  it('gives the same trials for the same seed and space, other trials for another seed', () => {
    const draw = (seed: number) =>
      Array.from({ length: 8 }, (_, i) => sampleTrialConfig(defaultSearchSpace, base, seed, i))
    expect(draw(7)).toEqual(draw(7))
    expect(draw(7)).not.toEqual(draw(8))
    // Trial i does not depend on how many trials there are.
    expect(sampleTrialConfig(defaultSearchSpace, base, 7, 3)).toEqual(draw(7)[3])
  })

  it('draws valid configs inside the space, the rate spread evenly in log', () => {
    const configs = Array.from({ length: 400 }, (_, i) =>
      sampleTrialConfig(defaultSearchSpace, base, 1, i)
    )
    for (const config of configs) {
      expect(trainConfigSchema.safeParse(config).success).toBe(true)
      expect(config.learningRate).toBeGreaterThanOrEqual(1e-4)
      expect(config.learningRate).toBeLessThanOrEqual(1e-2)
      expect(defaultSearchSpace.batchSize).toContain(config.batchSize)
      expect(config.epochs).toBe(4)
      // One step worker per trial, whatever the base says: the pool spreads trials over the cores.
      expect(config.workers).toBe(1)
      // Judged on the shared validation split, at the default share when the base has none.
      expect(config.validationFraction).toBe(0.1)
    }
    // Log-uniform over two decades: about half the draws fall below 1e-3.
    const below = configs.filter((c) => c.learningRate < 1e-3).length
    expect(below).toBeGreaterThan(160)
    expect(below).toBeLessThan(240)
    const depths = new Set(
      configs.map((c) => (c.model.kind === 'mlp' ? c.model.hidden.length : -1))
    )
    expect(depths).toEqual(new Set([1, 2, 3]))
  })

  it('draws CNN filters and dense widths from a CNN space', () => {
    const space: SearchSpace = {
      ...defaultSearchSpace,
      model: { kind: 'cnn', filters: [[8, 16]], dense: [32] }
    }
    const config = sampleTrialConfig(space, base, 1, 0)
    expect(config.model).toMatchObject({ kind: 'cnn', filters: [8, 16], dense: 32 })
  })
})

describe('search space validation', () => {
  it('accepts the default space', () => {
    expect(searchSpaceProblems(defaultSearchSpace)).toEqual([])
  })

  it('names the field of an empty, contradictory or log-impossible space', () => {
    expect(searchSpaceProblems({ ...defaultSearchSpace, batchSize: [] })).toEqual([
      'batchSize: choose at least one value'
    ])
    expect(
      searchSpaceProblems({ ...defaultSearchSpace, learningRate: { min: 0.1, max: 0.01 } })
    ).toEqual(['learningRate: min 0.1 is above max 0.01'])
    expect(
      searchSpaceProblems({ ...defaultSearchSpace, learningRate: { min: 0, max: 0.01 } })
    ).toEqual([
      'learningRate.min: a log-uniform range cannot include 0 or go below it; start at 1e-5, say'
    ])
    expect(searchSpaceProblems({ ...defaultSearchSpace, dropout: { min: 0.5, max: 0.2 } })).toEqual(
      ['dropout: min 0.5 is above max 0.2']
    )
    expect(searchSpaceProblems({ ...defaultSearchSpace, optimizer: ['lbfgs'] })[0]).toMatch(
      /^optimizer\.0: /
    )
  })
})
