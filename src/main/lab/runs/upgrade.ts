/**
 * Run records written before the Regularize step: they kept bestTestAccuracy
 * (a model picked by its test score) and no final test figures. Their kept
 * weights are the last epoch's, so that epoch's test figures are exactly what
 * a final evaluation on the kept weights reports.
 */
import type { RunRecord } from '../../../shared/contract'

type StoredRecord = Partial<
  Pick<RunRecord, 'testAccuracy' | 'testLoss' | 'bestEpoch' | 'stoppedEpoch'>
> &
  Omit<RunRecord, 'testAccuracy' | 'testLoss' | 'bestEpoch' | 'stoppedEpoch'> & {
    bestTestAccuracy?: number | null
  }

export function upgradeRunRecord(stored: StoredRecord): RunRecord {
  const { bestTestAccuracy: _dropped, ...record } = stored
  const last = record.epochs.at(-1)
  const finished = record.status !== 'running' && record.status !== 'paused'
  return {
    ...record,
    testAccuracy: record.testAccuracy ?? (finished ? (last?.testAccuracy ?? null) : null),
    testLoss: record.testLoss ?? (finished ? (last?.testLoss ?? null) : null),
    bestEpoch: record.bestEpoch ?? null,
    stoppedEpoch: record.stoppedEpoch ?? null
  }
}
