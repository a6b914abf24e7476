import { resolve } from 'node:path'
import { splitSchema } from '../../shared/contract'
import { writeFileAtomic } from '../../main/lab/fs-atomic'
import {
  evaluationReport,
  predictionsCsv,
  type EvaluationReport
} from '../../main/lab/runs/export-format'
import type { CliCommand } from '../context'
import { percent } from '../format'
import { requiredPositional, stringOption, UsageError } from '../options'

function human(report: EvaluationReport): string {
  const names = report.classNames
  const width = Math.max(5, ...names.map((n) => n.length))
  const cellWidth = Math.max(5, ...report.confusion.flat().map((v) => String(v).length + 1))
  const perClass = report.perClass.map(
    (m) =>
      `${m.className.padEnd(width)}  ${m.precision.toFixed(3)}  ${m.recall.toFixed(3)}  ${m.f1.toFixed(3)}  ${String(m.support).padStart(7)}${m.neverPredicted ? '  (never predicted: precision 0)' : ''}`
  )
  const matrix = report.confusion.map(
    (row, r) => `${names[r].padEnd(width)}${row.map((v) => String(v).padStart(cellWidth)).join('')}`
  )
  return [
    `Run ${report.runId}, ${report.split} split`,
    `Accuracy ${percent(report.accuracy)}  macro F1 ${report.macroF1.toFixed(4)}  weighted F1 ${report.weightedF1.toFixed(4)}`,
    '',
    `${'class'.padEnd(width)}  prec.  recall  F1     support`,
    ...perClass,
    '',
    'Confusion matrix (rows true, columns predicted)',
    `${''.padEnd(width)}${names.map((n) => n.padStart(cellWidth)).join('')}`,
    ...matrix
  ].join('\n')
}

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  summary:
    'Accuracy, F1, per-class metrics and the confusion matrix of a run; optionally every prediction as CSV.',
  usage: 'lab evaluate <runId> [--split test|train] [--predictions FILE.csv] [--json] [--home DIR]',
  options: { split: { type: 'string' }, predictions: { type: 'string' } },
  async run(ctx, values, positionals) {
    const runId = requiredPositional(positionals, 0, 'the run to evaluate (see `lab runs`)')
    const split = splitSchema.safeParse(stringOption(values, 'split') ?? 'test')
    if (!split.success) {
      throw new UsageError(`--split must be "test" or "train", not "${String(values.split)}".`)
    }
    const predictions = stringOption(values, 'predictions')
    ctx.note(`Evaluating ${runId} on the ${split.data} split…`)
    const evaluation = await ctx.request('evaluate.run', { runId, split: split.data })
    const report = evaluationReport(evaluation)
    if (predictions !== undefined) {
      // The same cached predictions the metrics came from, so the file and the numbers agree.
      const table = await ctx.request('evaluate.predictions', { runId, split: split.data })
      const path = resolve(predictions)
      await writeFileAtomic(path, predictionsCsv(table))
      ctx.note(`Wrote ${table.labels.length} predictions to ${path}`)
    }
    ctx.print(report, human(report))
  }
}
