import { describe, expect, it } from 'vitest'
import {
  accuracy,
  classMetrics,
  confusedPairs,
  confusionMatrix,
  macroF1,
  summarize,
  summaryOf,
  weightedF1
} from './metrics'
import { LabError } from './errors'

describe('confusionMatrix', () => {
  it('puts true classes in rows and predictions in columns (scikit-learn docs example)', () => {
    // confusion_matrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]) in the scikit-learn docs.
    expect(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], 3)).toEqual([
      [2, 0, 0],
      [0, 0, 1],
      [1, 0, 2]
    ])
  })

  it('has a row and column for classes that never occur', () => {
    expect(confusionMatrix([0, 0], [0, 0], 3)).toEqual([
      [2, 0, 0],
      [0, 0, 0],
      [0, 0, 0]
    ])
  })

  it('accepts typed arrays', () => {
    expect(confusionMatrix(new Uint8Array([1, 0]), new Int32Array([1, 1]), 2)).toEqual([
      [0, 1],
      [0, 1]
    ])
  })

  it('refuses labels and predictions of different lengths', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/2 labels but 1 predictions/)
  })

  it('refuses a class number outside the range', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow(LabError)
    expect(() => confusionMatrix([0, 1], [0, 1.5], 3)).toThrow(/class numbers 0..2/)
  })

  it('refuses zero classes', () => {
    expect(() => confusionMatrix([], [], 0)).toThrow(/at least one class/)
  })
})

describe('classMetrics, by hand', () => {
  // True:      0 0 0 0 1 1 2 2 2 2
  // Predicted: 0 0 0 1 1 0 2 2 2 0
  // Class 0: TP 3, predicted 5 (3 + one 1 + one 2), support 4 -> P 3/5, R 3/4, F1 6/9.
  // Class 1: TP 1, predicted 2, support 2 -> P 1/2, R 1/2, F1 1/2.
  // Class 2: TP 3, predicted 3, support 4 -> P 1, R 3/4, F1 6/7.
  const labels = [0, 0, 0, 0, 1, 1, 2, 2, 2, 2]
  const predicted = [0, 0, 0, 1, 1, 0, 2, 2, 2, 0]
  const confusion = confusionMatrix(labels, predicted, 3)
  const perClass = classMetrics(confusion)

  it('computes precision, recall, F1 and support per class', () => {
    const expected = [
      { precision: 3 / 5, recall: 3 / 4, f1: 6 / 9, support: 4 },
      { precision: 1 / 2, recall: 1 / 2, f1: 1 / 2, support: 2 },
      { precision: 1, recall: 3 / 4, f1: 6 / 7, support: 4 }
    ]
    expected.forEach((e, c) => {
      expect(perClass[c].precision).toBeCloseTo(e.precision, 12)
      expect(perClass[c].recall).toBeCloseTo(e.recall, 12)
      expect(perClass[c].f1).toBeCloseTo(e.f1, 12)
      expect(perClass[c].support).toBe(e.support)
      expect(perClass[c].neverPredicted).toBe(false)
    })
  })

  it('computes accuracy, macro and weighted F1', () => {
    expect(accuracy(confusion)).toBeCloseTo(7 / 10, 12)
    expect(macroF1(perClass)).toBeCloseTo((6 / 9 + 1 / 2 + 6 / 7) / 3, 12)
    expect(weightedF1(perClass)).toBeCloseTo(((6 / 9) * 4 + (1 / 2) * 2 + (6 / 7) * 4) / 10, 12)
  })
})

describe('against scikit-learn documented results', () => {
  it('matches the classification_report example', () => {
    // y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1]; the report prints
    // class 0: 0.50 1.00 0.67 1, class 1: 0.00 0.00 0.00 1, class 2: 1.00 0.67 0.80 3,
    // accuracy 0.60, macro avg F1 0.49, weighted avg F1 0.61.
    const summary = summarize('test', confusionMatrix([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3))
    const rounded = summary.perClass.map((m) => [
      round2(m.precision),
      round2(m.recall),
      round2(m.f1),
      m.support
    ])
    expect(rounded).toEqual([
      [0.5, 1, 0.67, 1],
      [0, 0, 0, 1],
      [1, 0.67, 0.8, 3]
    ])
    expect(round2(summary.accuracy)).toBe(0.6)
    expect(round2(summary.macroF1)).toBe(0.49)
    expect(round2(summary.weightedF1)).toBe(0.61)
    // Class 1 was predicted once (wrongly): precision 0, but not "never predicted".
    expect(summary.perClass[1].neverPredicted).toBe(false)
  })

  it('matches the f1_score example', () => {
    // y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1]:
    // average=None -> [0.8, 0, 0]; macro 0.26666...; weighted 0.26666...
    const perClass = classMetrics(confusionMatrix([0, 1, 2, 0, 1, 2], [0, 2, 1, 0, 0, 1], 3))
    expect(perClass.map((m) => m.f1)).toEqual([0.8, 0, 0].map((v) => expect.closeTo(v, 12)))
    expect(macroF1(perClass)).toBeCloseTo(0.26666666666666666, 12)
    expect(weightedF1(perClass)).toBeCloseTo(0.26666666666666666, 12)
  })
})

describe('edge cases', () => {
  it('gives a never-predicted class precision 0 and flags it', () => {
    // Class 1 occurs once and is never predicted (scikit-learn's confusion_matrix example).
    const perClass = classMetrics(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2], 3))
    expect(perClass[1]).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      support: 1,
      neverPredicted: true
    })
    expect(perClass[0].neverPredicted).toBe(false)
  })

  it('scores an absent, never-predicted class 0 and counts it in the macro mean only', () => {
    const perClass = classMetrics(confusionMatrix([0, 1], [0, 1], 3))
    expect(perClass[2]).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      support: 0,
      neverPredicted: true
    })
    expect(macroF1(perClass)).toBeCloseTo(2 / 3, 12)
    expect(weightedF1(perClass)).toBe(1)
  })

  it('gives 0, not NaN, when there are no samples at all', () => {
    const summary = summarize('train', confusionMatrix([], [], 2))
    expect(summary.accuracy).toBe(0)
    expect(summary.macroF1).toBe(0)
    expect(summary.weightedF1).toBe(0)
    expect(summary.perClass.every((m) => m.neverPredicted)).toBe(true)
  })

  it('is perfect when every prediction is right', () => {
    const summary = summarize('test', confusionMatrix([0, 1, 2, 1], [0, 1, 2, 1], 3))
    expect(summary.accuracy).toBe(1)
    expect(summary.macroF1).toBe(1)
    expect(summary.weightedF1).toBe(1)
  })

  it('copies the matrix into the summary', () => {
    const confusion = confusionMatrix([0, 1], [1, 1], 2)
    const summary = summarize('test', confusion)
    confusion[0][0] = 99
    expect(summary.confusion).toEqual([
      [0, 1],
      [0, 1]
    ])
  })
})

describe('confusedPairs', () => {
  it('lists off-diagonal cells, largest first, ties in reading order', () => {
    const confusion = [
      [5, 1, 3],
      [3, 7, 0],
      [0, 1, 9]
    ]
    expect(confusedPairs(confusion)).toEqual([
      { trueClass: 0, predicted: 2, count: 3 },
      { trueClass: 1, predicted: 0, count: 3 },
      { trueClass: 0, predicted: 1, count: 1 },
      { trueClass: 2, predicted: 1, count: 1 }
    ])
    expect(confusedPairs(confusion, 1)).toEqual([{ trueClass: 0, predicted: 2, count: 3 }])
  })

  it('is empty when nothing is confused', () => {
    expect(
      confusedPairs([
        [2, 0],
        [0, 3]
      ])
    ).toEqual([])
  })
})

function round2(value: number): number {
  return Math.round(value * 100) / 100
}

describe('summaryOf', () => {
  it('keeps the summary fields and drops everything else', () => {
    const summary = summarize('test', confusionMatrix([0, 1], [0, 0], 2))
    const evaluation = { ...summary, runId: 'r', topLosses: [1, 2, 3] }
    expect(summaryOf(evaluation)).toEqual(summary)
    expect(Object.keys(summaryOf(evaluation)).sort()).toEqual(
      ['accuracy', 'confusion', 'macroF1', 'perClass', 'split', 'weightedF1'].sort()
    )
  })
})
