/**
 * The recipe's steps, each with whether this run did it and the numbers that
 * show it. Derived from the run record alone, so a report printed months later
 * says the same thing.
 */
import type {
  DatasetFacts,
  EvaluationSummary,
  RunRecord,
  SearchRecord
} from '../../../../shared/contract'
import { translate } from '../../i18n'
import { trainTestGap } from '../../../../shared/epoch-figures'
import {
  formatCount,
  formatFixed,
  formatNumber,
  formatPercent,
  formatScientific
} from '../../i18n/format'

export interface ChecklistItem {
  step: string
  done: boolean
  evidence: string
}

/** Catalogue keys of one checklist step. */
const steps = 'report.checklist'

/** Step 6 is done when a variant was compared with its baseline and narrowed the gap. */
function narrowedGap(run: RunRecord): boolean {
  const c = run.comparison
  return (
    c !== undefined &&
    c.gapBaseline !== null &&
    c.gapVariant !== null &&
    c.gapVariant < c.gapBaseline
  )
}

function regularizeEvidence(run: RunRecord): string {
  const c = run.comparison
  if (!run.baseline) return translate('regularize.checklist.noBaseline')
  if (!c || c.gapBaseline === null || c.gapVariant === null) {
    return translate('regularize.checklist.notCompared', {
      lever: run.baseline.lever,
      baseline: run.baseline.runId
    })
  }
  return translate(
    narrowedGap(run) ? 'regularize.checklist.narrowed' : 'regularize.checklist.notNarrowed',
    {
      lever: run.baseline.lever,
      before: formatFixed(c.gapBaseline * 100, 1),
      after: formatFixed(c.gapVariant * 100, 1),
      p: formatScientific(c.mcnemarP, 2)
    }
  )
}

export function recipeChecklist(
  run: RunRecord,
  evaluation: EvaluationSummary | null,
  facts: DatasetFacts | null,
  /** The search this run's configuration came from (run.tunedFrom), when it could be read. */
  search: SearchRecord | null = null
): ChecklistItem[] {
  const classes = facts?.classNames.length ?? evaluation?.perClass.length ?? 10
  const expectedLoss = Math.log(classes)
  const first = run.epochs[0]
  const last = run.epochs[run.epochs.length - 1]
  const gap = trainTestGap(run)
  // Tuning is done when a search finished and this run trains its best configuration fully.
  const tuned = run.tunedFrom !== undefined && (search === null || search.status === 'completed')
  const epochs = (key: string, count: number): string =>
    translate(`${steps}.${key}.epochs`, { count }, count)

  return [
    {
      step: translate(`${steps}.data.step`),
      done: facts !== null,
      evidence: facts
        ? translate(`${steps}.data.evidence`, {
            count: formatCount(facts.counts.total),
            shape: facts.imageShape.join('x'),
            classes,
            train: formatFixed(facts.imbalanceRatio.train, 2),
            test: formatFixed(facts.imbalanceRatio.test, 2)
          })
        : translate(`${steps}.data.missing`)
    },
    {
      step: translate(`${steps}.skeleton.step`),
      done: run.firstLoss !== null && Math.abs(run.firstLoss - expectedLoss) < 0.5,
      evidence:
        run.firstLoss === null
          ? translate(`${steps}.skeleton.missing`)
          : translate(`${steps}.skeleton.evidence`, {
              loss: formatFixed(run.firstLoss, 3),
              classes,
              expected: formatFixed(expectedLoss, 3)
            })
    },
    {
      step: translate(`${steps}.train.step`),
      done:
        first !== undefined &&
        last !== undefined &&
        last.trainLoss < (run.firstLoss ?? first.trainLoss),
      evidence:
        first && last
          ? translate(`${steps}.train.evidence`, {
              start: formatFixed(run.firstLoss ?? first.trainLoss, 3),
              end: formatFixed(last.trainLoss, 3),
              epochs: epochs('train', run.epochs.length)
            })
          : translate(`${steps}.train.missing`)
    },
    {
      step: translate(`${steps}.evaluate.step`),
      done: evaluation !== null,
      evidence: evaluation
        ? translate(
            evaluation.split === 'test'
              ? `${steps}.evaluate.evidenceTest`
              : `${steps}.evaluate.evidenceTrain`,
            {
              accuracy: formatPercent(evaluation.accuracy),
              macroF1: formatFixed(evaluation.macroF1, 3),
              weightedF1: formatFixed(evaluation.weightedF1, 3)
            }
          )
        : translate(`${steps}.evaluate.missing`)
    },
    {
      step: translate(`${steps}.overfit.step`),
      done: last !== undefined && last.trainAccuracy >= 0.99,
      evidence: last
        ? translate(
            last.trainAccuracy < 0.99 ? `${steps}.overfit.notYet` : `${steps}.overfit.evidence`,
            {
              train: formatPercent(last.trainAccuracy),
              test: formatPercent(run.testAccuracy),
              gap: formatFixed(gap === null ? null : gap * 100, 1)
            }
          )
        : translate(`${steps}.overfit.missing`)
    },
    {
      step: translate(`${steps}.regularize.step`),
      done: narrowedGap(run),
      evidence: regularizeEvidence(run)
    },
    {
      step: translate(`${steps}.tune.step`),
      done: tuned,
      evidence: tuned
        ? translate(`${steps}.tune.done`, {
            searchId: run.tunedFrom!.searchId,
            trials: search?.trials ?? '?',
            validation: search?.best ? formatPercent(search.best.validationAccuracy) : '?',
            trial: run.tunedFrom!.trial + 1,
            optimizer: run.config.optimizer,
            learningRate: formatNumber(run.config.learningRate, 8),
            batch: run.config.batchSize,
            epochs: epochs('tune', run.config.epochs)
          })
        : translate(`${steps}.tune.notYet`, {
            optimizer: run.config.optimizer,
            learningRate: formatNumber(run.config.learningRate, 8),
            batch: run.config.batchSize
          })
    }
  ]
}
