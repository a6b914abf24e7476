/**
 * Classification metrics as pure functions of labels and predictions, so the
 * engine, the CLI and the renderer all compute the same numbers. Conventions
 * follow scikit-learn with zero_division=0: a ratio whose denominator is 0 is 0.
 */
import { LabError } from './errors'
import type { ClassMetrics, EvaluationSummary } from './contract/evaluate'
import type { Split } from './contract/datasets'

export type ConfusionMatrix = number[][]

export interface ConfusedPair {
  trueClass: number
  predicted: number
  count: number
}

/** Rows are true classes, columns predicted classes, as scikit-learn's confusion_matrix. */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classCount: number
): ConfusionMatrix {
  if (!Number.isInteger(classCount) || classCount < 1) {
    throw new LabError(
      'internal',
      `A confusion matrix needs at least one class, got ${classCount}.`
    )
  }
  if (labels.length !== predicted.length) {
    throw new LabError(
      'internal',
      `There are ${labels.length} labels but ${predicted.length} predictions; they must pair up one to one.`
    )
  }
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0))
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i]
    const p = predicted[i]
    if (!isClass(t, classCount) || !isClass(p, classCount)) {
      throw new LabError(
        'internal',
        `Sample ${i} has label ${t} and prediction ${p}; both must be class numbers 0..${classCount - 1}.`
      )
    }
    matrix[t][p] += 1
  }
  return matrix
}

function isClass(value: number, classCount: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < classCount
}

/** Precision, recall, F1 and support of every class, read off the confusion matrix. */
export function classMetrics(confusion: ConfusionMatrix): ClassMetrics[] {
  const n = confusion.length
  return confusion.map((row, c) => {
    const truePositives = row[c]
    const support = sum(row)
    let predictedCount = 0
    for (let r = 0; r < n; r++) predictedCount += confusion[r][c]
    const precision = ratio(truePositives, predictedCount)
    const recall = ratio(truePositives, support)
    // 2TP / (2TP + FP + FN) equals the harmonic mean, and is 0 rather than NaN when both are 0.
    const f1 = ratio(2 * truePositives, predictedCount + support)
    return { precision, recall, f1, support, neverPredicted: predictedCount === 0 }
  })
}

export function accuracy(confusion: ConfusionMatrix): number {
  let correct = 0
  let total = 0
  confusion.forEach((row, r) => {
    correct += row[r]
    total += sum(row)
  })
  return ratio(correct, total)
}

/** Unweighted mean over all classes: a rare class counts as much as a common one. */
export function macroF1(perClass: readonly ClassMetrics[]): number {
  return perClass.length === 0 ? 0 : sum(perClass.map((m) => m.f1)) / perClass.length
}

/** Mean weighted by support: what a class contributes depends on how often it occurs. */
export function weightedF1(perClass: readonly ClassMetrics[]): number {
  const total = sum(perClass.map((m) => m.support))
  return ratio(sum(perClass.map((m) => m.f1 * m.support)), total)
}

/** Everything the Evaluate view and run.json keep about one split. */
export function summarize(split: Split, confusion: ConfusionMatrix): EvaluationSummary {
  const perClass = classMetrics(confusion)
  return {
    split,
    accuracy: accuracy(confusion),
    macroF1: macroF1(perClass),
    weightedF1: weightedF1(perClass),
    perClass,
    confusion: confusion.map((row) => [...row])
  }
}

/** The parts of an evaluation that run.json keeps: no images, no extra fields. */
export function summaryOf(evaluation: EvaluationSummary): EvaluationSummary {
  const { split, accuracy, macroF1, weightedF1, perClass, confusion } = evaluation
  return { split, accuracy, macroF1, weightedF1, perClass, confusion }
}

/**
 * Off-diagonal cells with at least one sample, largest first; ties keep reading
 * order (by true class, then predicted) so the list is stable.
 */
export function confusedPairs(confusion: ConfusionMatrix, limit = Infinity): ConfusedPair[] {
  const pairs: ConfusedPair[] = []
  confusion.forEach((row, trueClass) =>
    row.forEach((count, predicted) => {
      if (trueClass !== predicted && count > 0) pairs.push({ trueClass, predicted, count })
    })
  )
  pairs.sort((a, b) => b.count - a.count)
  return pairs.slice(0, limit)
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator
}

function sum(values: readonly number[]): number {
  let total = 0
  for (const v of values) total += v
  return total
}
