/**
 * Reading a run's epochs: which ones carry measured train figures, and the
 * train/test gap, written once for the charts, the Runs tab, the report and the
 * recipe checklist.
 */
import type { EpochMetrics, RecordedEpoch } from './contract'

/** Runs from schema version 1 kept only the running mean: no measured train figures. */
export function isMeasuredEpoch(epoch: RecordedEpoch): epoch is EpochMetrics {
  return epoch.trainLoss !== null && epoch.trainAccuracy !== null && epoch.trainMeasured !== null
}

/** Train accuracy minus test accuracy, in percentage points, from the measured figures only. */
export function accuracyGapPoints(epoch: RecordedEpoch): number | null {
  if (!isMeasuredEpoch(epoch)) return null
  return (epoch.trainAccuracy - epoch.testAccuracy) * 100
}
