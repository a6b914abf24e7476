/**
 * The recipe's steps, each with whether this run did it and the numbers that
 * show it. Derived from the run record alone, so a report printed months later
 * says the same thing.
 */
import type {
  DatasetFacts,
  EvaluationSummary,
  RecipeChecks,
  RunRecord
} from '../../../../shared/contract'
import { initLossOk } from '../../../../shared/contract'
import { accuracyGapPoints, isMeasuredEpoch } from '../../../../shared/epochs'

export interface ChecklistItem {
  step: string
  done: boolean
  evidence: string
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`

/** Step 4 asks for a model that fits its training set: this much measured train accuracy. */
export const overfitTrainAccuracy = 0.99

export function recipeChecklist(
  run: RunRecord,
  evaluation: EvaluationSummary | null,
  facts: DatasetFacts | null,
  /** The Overfit tab's checks for this run's dataset and model, from <home>/checks/. */
  checks: RecipeChecks | null = null
): ChecklistItem[] {
  const classes = facts?.classNames.length ?? evaluation?.perClass.length ?? 10
  const expectedLoss = Math.log(classes)
  const last = run.epochs[run.epochs.length - 1]
  const lastMeasured = run.epochs.filter(isMeasuredEpoch).at(-1)
  const gap = lastMeasured ? accuracyGapPoints(lastMeasured) : null
  const oneBatch = checks?.oneBatch ?? null
  const fitsTrain = lastMeasured !== undefined && lastMeasured.trainAccuracy >= overfitTrainAccuracy
  const skeletonOk = run.firstLoss !== null && initLossOk(run.firstLoss, classes)
  const hidden = run.config.model.kind === 'mlp' ? run.config.model.hidden : []
  const dropout =
    run.config.model.kind === 'mlp'
      ? hidden.some((l) => l.dropout > 0)
      : run.config.model.dropout > 0
  const tuned =
    run.config.optimizer !== 'adam' ||
    run.config.learningRate !== 0.001 ||
    run.config.batchSize !== 256

  // Numbered as the tabs and the seed: 1 Explore ... 6 Tune.
  return [
    {
      step: '1. Explore: become one with the data',
      done: facts !== null,
      evidence: facts
        ? `${facts.counts.total.toLocaleString('en')} images of ${facts.imageShape.join('x')} pixels in ${classes} classes; largest class over smallest: ${facts.imbalanceRatio.train.toFixed(2)} (train), ${facts.imbalanceRatio.test.toFixed(2)} (test).`
        : 'The dataset could not be read for this report.'
    },
    {
      step: '2. Train: loss at initialization, then the loss falls',
      done: skeletonOk && last !== undefined && last.runningLoss < (run.firstLoss ?? Infinity),
      evidence:
        run.firstLoss === null
          ? 'No first-batch loss was recorded.'
          : `First batch loss ${run.firstLoss.toFixed(3)}; a ${classes}-class model guessing uniformly starts at ln(${classes}) = ${expectedLoss.toFixed(3)}.` +
            (last
              ? ` Running mean of the train loss ${last.runningLoss.toFixed(3)} in epoch ${last.epoch}.`
              : ' No epoch has finished.')
    },
    {
      step: '3. Evaluate beyond accuracy',
      done: evaluation !== null,
      evidence: evaluation
        ? `${evaluation.split === 'test' ? 'Test' : 'Train'} accuracy ${percent(evaluation.accuracy)}, macro F1 ${evaluation.macroF1.toFixed(3)}, weighted F1 ${evaluation.weightedF1.toFixed(3)}; confusion matrix and per-class table below.`
        : 'Not evaluated yet.'
    },
    {
      step: '4. Overfit: one batch, then the training set',
      done: oneBatch?.passed === true && fitsTrain,
      evidence:
        (oneBatch
          ? `One batch of ${oneBatch.batchSize}: loss ${oneBatch.finalLoss.toPrecision(2)} after ${oneBatch.steps} steps (${oneBatch.passed ? 'passed' : 'did not pass'}). `
          : 'One batch not overfitted yet (Overfit tab). ') +
        (lastMeasured && gap !== null
          ? `Measured train accuracy ${percent(lastMeasured.trainAccuracy)}, test ${percent(lastMeasured.testAccuracy)} (gap ${gap.toFixed(1)} points).` +
            (fitsTrain
              ? ''
              : ' Not yet: a model that cannot fit its training set is too small or trained too briefly.')
          : 'No measured train accuracy: no epoch finished, or the run predates the measured train pass.')
    },
    {
      step: '5. Regularize',
      done: dropout || run.config.l2 > 0,
      evidence:
        dropout || run.config.l2 > 0
          ? `${dropout ? 'Dropout' : 'No dropout'}; L2 ${run.config.l2}.`
          : 'Not yet: no dropout and no L2 penalty in this run.'
    },
    {
      step: '6. Tune',
      done: tuned,
      evidence: `${tuned ? 'Changed from the defaults' : 'Not yet: the defaults'}: ${run.config.optimizer}, learning rate ${run.config.learningRate}, batch ${run.config.batchSize}, ${run.config.epochs} epochs.`
    }
  ]
}
