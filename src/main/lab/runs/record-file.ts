/**
 * Reading run.json defensively. A file cut short, one whose fields are not a
 * run's, or one written by a newer version of the lab is damaged: the run is
 * listed as such, with the reason, and can still be deleted.
 */
import { z } from 'zod'
import {
  LabError,
  type EpochMetrics,
  type LabErrorText,
  type RecordedEpoch,
  type RunRecord
} from '../../../shared/contract'
import { upgradeConfig } from './config-upgrade'

/**
 * The run.json format this version writes; a newer one is refused, never guessed at.
 * 2: epochs carry the measured train figures beside the running mean (issue 11).
 */
export const runSchemaVersion = 2

/**
 * The fields the lab relies on. Deliberately loose elsewhere: older records
 * (before a field existed) must keep opening.
 */
const storedRunSchema = z
  .object({
    schemaVersion: z.number().int().min(1).optional(),
    id: z.string().min(1),
    name: z.string(),
    createdAt: z.string(),
    status: z.enum([
      'running',
      'paused',
      'completed',
      'stopped',
      'diverged',
      'failed',
      'interrupted'
    ]),
    config: z
      .object({ datasetId: z.string(), epochs: z.number(), model: z.object({}).loose() })
      .loose(),
    epochs: z.array(z.object({ epoch: z.number() }).loose()),
    checkpointEpoch: z.number().int().nullable()
  })
  .loose()

/**
 * `reason` ends a sentence about the file, in English (the CLI); `reasonText` is the
 * whole sentence as the catalogue's runs.damaged.why message, for the damaged-runs list.
 */
export class DamagedRunError extends LabError {
  constructor(
    readonly runId: string,
    readonly reason: string,
    readonly reasonText: LabErrorText,
    file: string
  ) {
    super(
      'io_error',
      `The record of run "${runId}" (${file}) ${reason} Delete the run, or restore the file from a backup.`,
      { key: 'runs.errors.damaged', params: { id: runId, path: file } }
    )
    this.name = 'DamagedRunError'
  }
}

/** run.json's text as a RunRecord, or a DamagedRunError saying what is wrong with it. */
export function parseRunFile(text: string, runId: string, file: string): RunRecord {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw text.trim() === ''
      ? new DamagedRunError(runId, 'is empty.', { key: 'runs.damaged.why.empty' }, file)
      : new DamagedRunError(
          runId,
          'is not valid JSON: it may have been cut short.',
          { key: 'runs.damaged.why.notJson' },
          file
        )
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > runSchemaVersion) {
    throw new DamagedRunError(
      runId,
      `was written by a newer version of MNIST Lab (format ${version}; this version reads up to ${runSchemaVersion}). Update the app to open it.`,
      { key: 'runs.damaged.why.newer', params: { version, supported: runSchemaVersion } },
      file
    )
  }
  const parsed = storedRunSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    // zod's own words on the field (`issue`) stay as they are.
    const where = issue.path.join('.')
    throw where === ''
      ? new DamagedRunError(
          runId,
          `is not a run record (the record: ${issue.message}).`,
          { key: 'runs.damaged.why.notRecord', params: { issue: issue.message } },
          file
        )
      : new DamagedRunError(
          runId,
          `is not a run record (${where}: ${issue.message}).`,
          { key: 'runs.damaged.why.badField', params: { field: where, issue: issue.message } },
          file
        )
  }
  const record = parsed.data as unknown as RunRecord
  record.config = upgradeConfig(record.config)
  return typeof version === 'number' && version >= 2 ? record : upgradeFormatOne(record)
}

/**
 * Takes an epoch's metrics into a record whose checkpoint now holds that epoch;
 * later epochs (from before a resume) are dropped, as they will be trained again.
 */
export function applyCheckpointedEpoch(record: RunRecord, metrics: EpochMetrics): void {
  record.epochs = [...record.epochs.filter((e) => e.epoch < metrics.epoch), metrics]
  record.durationSeconds = record.epochs.reduce((sum, e) => sum + e.seconds, 0)
  record.checkpointEpoch = metrics.epoch
}

/**
 * Format 1 (no schemaVersion) measured no train figures: its trainLoss and
 * trainAccuracy were the running means over each epoch, so they are read as
 * such, and the measured figures are null.
 */
interface FormatOneEpoch {
  epoch: number
  trainLoss: number
  trainAccuracy: number
  testLoss: number
  testAccuracy: number
  seconds: number
  samplesPerSecond: number
}

function upgradeFormatOne(record: RunRecord): RunRecord {
  const epochs = record.epochs as unknown as FormatOneEpoch[]
  return {
    ...record,
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
