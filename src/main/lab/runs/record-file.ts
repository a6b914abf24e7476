/**
 * Reading run.json defensively. A file cut short, one whose fields are not a
 * run's, or one written by a newer version of the lab is damaged: the run is
 * listed as such, with the reason, and can still be deleted.
 */
import { z } from 'zod'
import { LabError, type EpochMetrics, type RunRecord } from '../../../shared/contract'
import { upgradeConfig } from './config-upgrade'

/** The run.json format this version writes; a newer one is refused, never guessed at. */
export const runSchemaVersion = 1

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

export class DamagedRunError extends LabError {
  constructor(
    readonly runId: string,
    readonly reason: string,
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
    const reason =
      text.trim() === '' ? 'is empty.' : 'is not valid JSON: it may have been cut short.'
    throw new DamagedRunError(runId, reason, file)
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > runSchemaVersion) {
    throw new DamagedRunError(
      runId,
      `was written by a newer version of MNIST Lab (format ${version}; this version reads up to ${runSchemaVersion}). Update the app to open it.`,
      file
    )
  }
  const parsed = storedRunSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the record'
    throw new DamagedRunError(runId, `is not a run record (${where}: ${issue.message}).`, file)
  }
  const record = parsed.data as unknown as RunRecord
  record.config = upgradeConfig(record.config)
  return record
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
