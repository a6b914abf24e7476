/**
 * The recipe's steps, each with whether this run did it and the numbers that
 * show it. Derived from the run record alone, so a report printed months later
 * says the same thing.
 */
import type { DatasetFacts, EvaluationSummary, RunRecord } from '../../../../shared/contract'
import { trainTestGap } from '../../../../shared/epoch-figures'

export interface ChecklistItem {
  step: string
  done: boolean
  evidence: string
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`

/** Step 5 of the recipe is done when a variant was compared with its baseline and narrowed the gap. */
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
  if (!run.baseline)
    return 'Not yet: this run is no variant of a baseline (start one from the Regularize tab).'
  if (!c || c.gapBaseline === null || c.gapVariant === null) {
    return `A variant (${run.baseline.lever}) of run ${run.baseline.runId}, not compared with it yet.`
  }
  const points = (gap: number): string => `${(gap * 100).toFixed(1)} points`
  return `Changed ${run.baseline.lever}: train/test gap ${points(c.gapBaseline)} in the baseline, ${points(c.gapVariant)} here${narrowedGap(run) ? '' : ' (not narrower)'}; McNemar p = ${c.mcnemarP.toPrecision(2)}.`
}

export function recipeChecklist(
  run: RunRecord,
  evaluation: EvaluationSummary | null,
  facts: DatasetFacts | null
): ChecklistItem[] {
  const classes = facts?.classNames.length ?? evaluation?.perClass.length ?? 10
  const expectedLoss = Math.log(classes)
  const first = run.epochs[0]
  const last = run.epochs[run.epochs.length - 1]
  const tuned =
    run.config.optimizer !== 'adam' ||
    run.config.learningRate !== 0.001 ||
    run.config.batchSize !== 256

  const gap = trainTestGap(run)

  return [
    {
      step: '1. Become one with the data',
      done: facts !== null,
      evidence: facts
        ? `${facts.counts.total.toLocaleString('en')} images of ${facts.imageShape.join('x')} pixels in ${classes} classes; largest class over smallest: ${facts.imbalanceRatio.train.toFixed(2)} (train), ${facts.imbalanceRatio.test.toFixed(2)} (test).`
        : 'The dataset could not be read for this report.'
    },
    {
      step: '2. Skeleton: loss at initialization',
      done: run.firstLoss !== null && Math.abs(run.firstLoss - expectedLoss) < 0.5,
      evidence:
        run.firstLoss === null
          ? 'No first-batch loss was recorded.'
          : `First batch loss ${run.firstLoss.toFixed(3)}; a ${classes}-class model guessing uniformly starts at ln(${classes}) = ${expectedLoss.toFixed(3)}.`
    },
    {
      step: '3. Train: the loss falls',
      done:
        first !== undefined &&
        last !== undefined &&
        last.trainLoss < (run.firstLoss ?? first.trainLoss),
      evidence:
        first && last
          ? `Train loss ${(run.firstLoss ?? first.trainLoss).toFixed(3)} at the start, ${last.trainLoss.toFixed(3)} after ${run.epochs.length} epoch${run.epochs.length === 1 ? '' : 's'}.`
          : 'No epoch has finished.'
    },
    {
      step: '4. Evaluate beyond accuracy',
      done: evaluation !== null,
      evidence: evaluation
        ? `${evaluation.split === 'test' ? 'Test' : 'Train'} accuracy ${percent(evaluation.accuracy)}, macro F1 ${evaluation.macroF1.toFixed(3)}, weighted F1 ${evaluation.weightedF1.toFixed(3)}; confusion matrix and per-class table below.`
        : 'Not evaluated yet.'
    },
    {
      step: '5. Overfit the training set',
      done: last !== undefined && last.trainAccuracy >= 0.99,
      evidence: last
        ? `Train accuracy ${percent(last.trainAccuracy)}${gap === null || run.testAccuracy === null ? '' : `, test ${percent(run.testAccuracy)} (gap ${(gap * 100).toFixed(1)} points)`}.${last.trainAccuracy < 0.99 ? ' Not yet: a model that cannot fit its training set is too small or trained too briefly.' : ''}`
        : 'No epoch has finished.'
    },
    {
      step: '6. Regularize',
      done: narrowedGap(run),
      evidence: regularizeEvidence(run)
    },
    {
      step: '7. Tune',
      done: tuned,
      evidence: `${tuned ? 'Changed from the defaults' : 'Not yet: the defaults'}: ${run.config.optimizer}, learning rate ${run.config.learningRate}, batch ${run.config.batchSize}, ${run.config.epochs} epochs.`
    }
  ]
}
