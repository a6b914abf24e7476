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

export function recipeChecklist(
  run: RunRecord,
  evaluation: EvaluationSummary | null,
  facts: DatasetFacts | null
): ChecklistItem[] {
  const classes = facts?.classNames.length ?? evaluation?.perClass.length ?? 10
  const expectedLoss = Math.log(classes)
  const first = run.epochs[0]
  const last = run.epochs[run.epochs.length - 1]
  const hidden = run.config.model.kind === 'mlp' ? run.config.model.hidden : []
  const dropout =
    run.config.model.kind === 'mlp'
      ? hidden.some((l) => l.dropout > 0)
      : run.config.model.dropout > 0
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
      done: dropout || run.config.l2 > 0,
      evidence:
        dropout || run.config.l2 > 0
          ? `${dropout ? 'Dropout' : 'No dropout'}; L2 ${run.config.l2}.`
          : 'Not yet: no dropout and no L2 penalty in this run.'
    },
    {
      step: '7. Tune',
      done: tuned,
      evidence: `${tuned ? 'Changed from the defaults' : 'Not yet: the defaults'}: ${run.config.optimizer}, learning rate ${run.config.learningRate}, batch ${run.config.batchSize}, ${run.config.epochs} epochs.`
    }
  ]
}
