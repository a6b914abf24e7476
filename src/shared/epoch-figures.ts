/**
 * Which split a run's per-epoch figures came from, and which epoch's weights it
 * keeps. One place, so charts, tables, reports and the CLI label them alike.
 */
import type { EpochMetrics, RunRecord } from './contract'

export interface CheckedFigures {
  /** 'test' means the test split stood in for validation: a run without a validation split. */
  split: 'validation' | 'test'
  loss: number
  accuracy: number
}

/** The figures an epoch was judged by: validation when the run has it, else test. */
export function checkedFigures(epoch: EpochMetrics): CheckedFigures | null {
  if (epoch.validationLoss !== undefined && epoch.validationAccuracy !== undefined) {
    return { split: 'validation', loss: epoch.validationLoss, accuracy: epoch.validationAccuracy }
  }
  if (epoch.testLoss !== undefined && epoch.testAccuracy !== undefined) {
    return { split: 'test', loss: epoch.testLoss, accuracy: epoch.testAccuracy }
  }
  return null
}

/** The split a run's epochs were judged on (absent epochs: by its config). */
export function checkedSplit(run: Pick<RunRecord, 'config'>): CheckedFigures['split'] {
  return (run.config.validationFraction ?? 0) > 0 ? 'validation' : 'test'
}

/** The epoch whose weights the run keeps: the best one under early stopping, else the last. */
export function keptEpoch(
  run: Pick<RunRecord, 'epochs' | 'bestEpoch' | 'config'>
): EpochMetrics | undefined {
  if (run.config.earlyStopping && run.bestEpoch !== null) {
    const best = run.epochs.find((e) => e.epoch === run.bestEpoch)
    if (best) return best
  }
  return run.epochs.at(-1)
}

/**
 * Train accuracy minus test accuracy, both for the kept weights: the overfitting
 * that regularisation should narrow. Null until the run has its final test figures.
 */
export function trainTestGap(
  run: Pick<RunRecord, 'epochs' | 'bestEpoch' | 'config' | 'testAccuracy'>
): number | null {
  const kept = keptEpoch(run)
  if (!kept || run.testAccuracy === null) return null
  return kept.trainAccuracy - run.testAccuracy
}
