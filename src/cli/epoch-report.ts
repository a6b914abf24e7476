/**
 * How `lab train` and `lab learning-curve` print an epoch and a run's end. Each
 * figure is named by its split, so a validation figure is never read as a test one.
 */
import type { EpochEvent, TrainResultEvent } from '../shared/contract'

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
    trainAccuracy: e.trainAccuracy
  }
  if (e.validationLoss !== undefined) figures.validationLoss = e.validationLoss
  if (e.validationAccuracy !== undefined) figures.validationAccuracy = e.validationAccuracy
  if (e.testLoss !== undefined) figures.testLoss = e.testLoss
  if (e.testAccuracy !== undefined) figures.testAccuracy = e.testAccuracy
  figures.epochSeconds = e.seconds
  return figures
}

const percent = (value: number): string => `${(value * 100).toFixed(2)}%`

export function epochLine(e: EpochEvent, total: number): string {
  const checked =
    e.validationLoss !== undefined && e.validationAccuracy !== undefined
      ? `validation loss ${e.validationLoss.toFixed(4)}  validation accuracy ${percent(e.validationAccuracy)}`
      : e.testLoss !== undefined && e.testAccuracy !== undefined
        ? // No validation split: the test split stands in, which flatters any choice made by it.
          `test loss ${e.testLoss.toFixed(4)}  test accuracy ${percent(e.testAccuracy)} (test split used for validation)`
        : ''
  return `epoch ${e.epoch}/${total}  train loss ${e.trainLoss.toFixed(4)}  ${checked}  ${e.seconds.toFixed(1)} s`
}

export function finalFigures(result: TrainResultEvent): FinalFigures {
  const { testLoss, testAccuracy, bestEpoch, stoppedEpoch } = result
  return { testLoss, testAccuracy, bestEpoch, stoppedEpoch }
}
