import { describe, expect, it } from 'vitest'
import { averagePredictions } from './ensemble'
import type { Predictions } from './evaluate'

function predictions(rows: number[][]): Predictions {
  const classCount = rows[0]!.length
  const probabilities = Float32Array.from(rows.flat())
  const predicted = Int32Array.from(rows.map((r) => r.indexOf(Math.max(...r))))
  const confidence = Float32Array.from(rows.map((r) => Math.max(...r)))
  return { count: rows.length, classCount, probabilities, predicted, confidence }
}

describe('averagePredictions', () => {
  it('votes softly: a confident member can outweigh two lukewarm ones', () => {
    // Image 0: two members lean to class 1 a little, one is sure of class 0.
    const a = predictions([
      [0.45, 0.55],
      [0.2, 0.8]
    ])
    const b = predictions([
      [0.45, 0.55],
      [0.3, 0.7]
    ])
    const c = predictions([
      [0.98, 0.02],
      [0.6, 0.4]
    ])
    const mean = averagePredictions([a, b, c])
    expect(Array.from(mean.predicted)).toEqual([0, 1])
    expect(mean.probabilities[0]).toBeCloseTo((0.45 + 0.45 + 0.98) / 3, 6)
    expect(mean.confidence[1]).toBeCloseTo((0.8 + 0.7 + 0.4) / 3, 6)
  })

  it('refuses members evaluated on different splits', () => {
    expect(() =>
      averagePredictions([
        predictions([[1, 0]]),
        predictions([
          [1, 0],
          [0, 1]
        ])
      ])
    ).toThrow(/disagree on the split/)
  })
})
