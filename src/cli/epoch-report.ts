/**
 * How `lab train` and `lab learning-curve` print an epoch and a run's end. Each
 * figure is named by its split, so a validation figure is never read as a test one;
 * the train figures are the measured pass's, the running mean is named as such.
 */
import type { EpochEvent, TrainResultEvent } from '../shared/contract'
import { percent } from './format'

export interface FinalFigures {
  testLoss: number
  testAccuracy: number
  bestEpoch: number | null
  stoppedEpoch: number | null
}

/** The JSON line of an epoch: train figures, then whichever split the run checks each epoch. */
export function epochFigures(e: EpochEvent): Record<string, number> {
  const figures: Record<string, number> = {
    epoch: e.epoch,
    trainLoss: e.trainLoss,
    trainAccuracy: e.trainAccuracy,
    trainMeasured: e.trainMeasured,
    runningLoss: e.runningLoss
  }
  if (e.validationLoss !== undefined) figures.validationLoss = e.validationLoss
  if (e.validationAccuracy !== undefined) figures.validationAccuracy = e.validationAccuracy
  if (e.testLoss !== undefined) figures.testLoss = e.testLoss
  if (e.testAccuracy !== undefined) figures.testAccuracy = e.testAccuracy
  figures.epochSeconds = e.seconds
  return figures
}

export function epochLine(e: EpochEvent, total: number): string {
  const checked =
    e.validationLoss !== undefined && e.validationAccuracy !== undefined
      ? `validation loss ${e.validationLoss.toFixed(4)}  validation accuracy ${percent(e.validationAccuracy)}`
      : e.testLoss !== undefined && e.testAccuracy !== undefined
        ? // No validation split: the test split stands in, which flatters any choice made by it.
          `test loss ${e.testLoss.toFixed(4)}  test accuracy ${percent(e.testAccuracy)} (test split used for validation)`
        : ''
  return (
    `epoch ${e.epoch}/${total}  train loss ${e.trainLoss.toFixed(4)} (running mean ${e.runningLoss.toFixed(4)})` +
    `  train accuracy ${percent(e.trainAccuracy)}  ${checked}  ${e.seconds.toFixed(1)} s`
  )
}

export function finalFigures(result: TrainResultEvent): FinalFigures {
  const { testLoss, testAccuracy, bestEpoch, stoppedEpoch } = result
  return { testLoss, testAccuracy, bestEpoch, stoppedEpoch }
}
