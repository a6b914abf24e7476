/**
 * Text formats a run leaves the lab in: the per-image predictions CSV of
 * `lab evaluate --predictions`, the evaluation JSON of `lab evaluate --json`,
 * and the per-epoch metrics as CSV or JSON. Pure functions: the CLI, the export
 * handler and the tests share them.
 */
import {
  LabError,
  type ClassMetrics,
  type EpochMetrics,
  type Evaluation,
  type PredictionTable,
  type RunRecord
} from '../../../shared/contract'

export const predictionsCsvHeader = 'index,true,predicted,confidence'

/** One row per image: its index in the split, true class, predicted class, confidence. */
export function predictionsCsv(table: PredictionTable): string {
  const { labels, predicted, confidence } = table
  if (predicted.length !== labels.length || confidence.length !== labels.length) {
    throw new LabError(
      'internal',
      `A prediction table needs as many predictions and confidences as labels (${labels.length}); got ${predicted.length} and ${confidence.length}.`
    )
  }
  const lines = [predictionsCsvHeader]
  for (let i = 0; i < labels.length; i++) {
    lines.push(`${i},${labels[i]},${predicted[i]},${formatNumber(confidence[i], 6)}`)
  }
  return lines.join('\n') + '\n'
}

export interface PredictionRow {
  index: number
  label: number
  predicted: number
  confidence: number
}

/** Reads what predictionsCsv wrote, checking the header and every row. */
export function parsePredictionsCsv(text: string): PredictionRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '')
  if (lines[0]?.trim() !== predictionsCsvHeader) {
    throw new LabError(
      'invalid_request',
      `A predictions CSV starts with the header "${predictionsCsvHeader}"; this one starts with "${lines[0] ?? ''}".`
    )
  }
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',').map(Number)
    if (cells.length !== 4 || cells.some((v) => !Number.isFinite(v))) {
      throw new LabError(
        'invalid_request',
        `Line ${i + 2} of the predictions CSV should be four numbers (${predictionsCsvHeader}): "${line}".`
      )
    }
    const [index, label, predicted, confidence] = cells
    return { index, label, predicted, confidence }
  })
}

export interface ClassReport extends ClassMetrics {
  classIndex: number
  className: string
}

export interface EvaluationReport {
  runId: string
  split: Evaluation['split']
  accuracy: number
  macroF1: number
  weightedF1: number
  perClass: ClassReport[]
  classNames: string[]
  /** Rows are true classes, columns predicted classes. */
  confusion: number[][]
  confusedPairs: Evaluation['confusedPairs']
}

/** What `lab evaluate --json` prints: the numbers, without any images. */
export function evaluationReport(evaluation: Evaluation): EvaluationReport {
  const { runId, split, accuracy, macroF1, weightedF1, classNames, confusion, confusedPairs } =
    evaluation
  return {
    runId,
    split,
    accuracy,
    macroF1,
    weightedF1,
    perClass: evaluation.perClass.map((m, c) => ({
      classIndex: c,
      className: classNames[c] ?? String(c),
      ...m
    })),
    classNames,
    confusion,
    confusedPairs
  }
}

const epochColumns: (keyof EpochMetrics)[] = [
  'epoch',
  'trainLoss',
  'testLoss',
  'trainAccuracy',
  'testAccuracy',
  'seconds',
  'samplesPerSecond'
]

/** One row per finished epoch; a value that is missing or not finite (diverged) is empty. */
export function metricsCsv(record: RunRecord): string {
  const rows = record.epochs.map((e) =>
    epochColumns.map((column) => formatNumber(e[column])).join(',')
  )
  return [epochColumns.join(','), ...rows].join('\n') + '\n'
}

export const metricsJsonFormat = 'mnist-lab-metrics'

/** The numbers of a run, without the lab's bookkeeping, for a notebook or spreadsheet. */
export function metricsJson(record: RunRecord): string {
  const document = {
    format: metricsJsonFormat,
    version: 2,
    runId: record.id,
    name: record.name,
    createdAt: record.createdAt,
    status: record.status,
    dataset: { id: record.datasetId, name: record.datasetName, split: record.split },
    config: record.config,
    parameterCount: record.parameterCount,
    backend: record.backend,
    firstLoss: record.firstLoss,
    durationSeconds: record.durationSeconds,
    testAccuracy: record.testAccuracy,
    testLoss: record.testLoss,
    bestEpoch: record.bestEpoch,
    stoppedEpoch: record.stoppedEpoch,
    epochs: record.epochs,
    evaluation: record.evaluation
  }
  return JSON.stringify(document, null, 2) + '\n'
}

function formatNumber(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return ''
  return digits === undefined ? String(value) : String(Number(value.toFixed(digits)))
}
