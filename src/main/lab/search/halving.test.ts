import { describe, expect, it } from 'vitest'
import { promoted, rungEpochs } from './halving'

describe('successive halving', () => {
  it('puts rungs after epochs 1 and 2 for a 4-epoch budget, none for 1 epoch', () => {
    expect(rungEpochs(4)).toEqual([1, 2])
    expect(rungEpochs(8)).toEqual([1, 2, 4])
    expect(rungEpochs(1)).toEqual([])
    expect(rungEpochs(9, 3)).toEqual([1, 3])
  })

  it('keeps the best half at a rung and stops the weakest, diverged ones first', () => {
    const scores = [
      { trial: 0, score: 0.91 },
      { trial: 1, score: 0.42 },
      { trial: 2, score: Number.NaN },
      { trial: 3, score: 0.88 },
      { trial: 4, score: 0.95 },
      { trial: 5, score: 0.6 },
      { trial: 6, score: 0.89 },
      { trial: 7, score: 0.1 }
    ]
    const kept = promoted(scores)
    expect(kept).toEqual(new Set([4, 0, 6, 3]))
    const stopped = scores.filter((s) => !kept.has(s.trial))
    expect(stopped).toHaveLength(4)
    const weakestKept = Math.min(...scores.filter((s) => kept.has(s.trial)).map((s) => s.score))
    for (const s of stopped) expect(Number.isNaN(s.score) || s.score < weakestKept).toBe(true)
  })

  it('keeps at least one trial, and none that diverged', () => {
    expect(promoted([{ trial: 3, score: 0.5 }])).toEqual(new Set([3]))
    expect(
      promoted([
        { trial: 0, score: Number.NaN },
        { trial: 1, score: Number.NaN }
      ])
    ).toEqual(new Set())
    // Ties keep the earlier trial, so a search repeats exactly.
    expect(
      promoted([
        { trial: 2, score: 0.5 },
        { trial: 1, score: 0.5 }
      ])
    ).toEqual(new Set([1]))
  })
})
