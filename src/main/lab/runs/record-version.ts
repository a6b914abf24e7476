/**
 * Reads run.json of any version this lab wrote into the current RunRecord.
 * Version 1 (no schemaVersion) measured no train figures: its trainLoss and
 * trainAccuracy were the running means, so they are read as such.
 */
import {
  LabError,
  runSchemaVersion,
  type RecordedEpoch,
  type RunRecord
} from '../../../shared/contract'

interface VersionOneEpoch {
  epoch: number
  trainLoss: number
  trainAccuracy: number
  testLoss: number
  testAccuracy: number
  seconds: number
  samplesPerSecond: number
}

export function upgradeRunRecord(raw: unknown, where: string): RunRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new LabError('io_error', `${where} does not hold a run record (an object).`)
  }
  const record = raw as Record<string, unknown>
  const version = record.schemaVersion ?? 1
  if (version === runSchemaVersion) return raw as RunRecord
  if (version !== 1) {
    throw new LabError(
      'io_error',
      `${where} has schema version ${String(version)}, which this lab cannot read (it reads up to ${runSchemaVersion}). Open it with a newer MNIST Lab.`
    )
  }
  const epochs = Array.isArray(record.epochs) ? (record.epochs as VersionOneEpoch[]) : []
  return {
    ...(raw as Omit<RunRecord, 'schemaVersion' | 'epochs'>),
    schemaVersion: runSchemaVersion,
    epochs: epochs.map((e): RecordedEpoch => ({
      epoch: e.epoch,
      trainLoss: null,
      trainAccuracy: null,
      trainMeasured: null,
      runningLoss: e.trainLoss,
      runningAccuracy: e.trainAccuracy,
      testLoss: e.testLoss,
      testAccuracy: e.testAccuracy,
      seconds: e.seconds,
      samplesPerSecond: e.samplesPerSecond
    }))
  }
}
