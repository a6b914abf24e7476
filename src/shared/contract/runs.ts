import { z } from 'zod'
import type { LabErrorText } from '../errors'
import type { BackendName } from './system'
import {
  runIdSchema,
  type EpochMetrics,
  type RunStatus,
  type StepChoice,
  type TrainConfig
} from './training'
import type { EvaluationSummary } from './evaluate'
import type { BaselineLink, ComparisonSummary } from './regularize'

/**
 * An epoch as run.json keeps it. Format 2 measures the train figures after each
 * epoch; runs of format 1 kept only the running mean (as trainLoss), so they
 * have no measured train figures (runs/record-file.ts reads them).
 */
export type RecordedEpoch = Omit<EpochMetrics, 'trainLoss' | 'trainAccuracy' | 'trainMeasured'> & {
  trainLoss: number | null
  trainAccuracy: number | null
  trainMeasured: number | null
}

export interface RunRecord {
  /** The run.json format; absent in records written before it was introduced (format 1). */
  schemaVersion?: number
  id: string
  name: string
  createdAt: string
  updatedAt: string
  datasetId: string
  datasetName: string
  /** Images per split; validation is carved out of the train split (absent: none). */
  split: { train: number; test: number; validation?: number }
  config: TrainConfig
  parameterCount: number
  backend: BackendName | null
  /** How the engine computed the steps (absent in runs from before it was recorded). */
  step?: StepChoice
  status: RunStatus
  message?: string
  /** `message` as the renderer's catalogue message; runs recorded before it have none. */
  messageText?: LabErrorText
  /** Loss of the very first batch: a 10-class model should start near ln(10). */
  firstLoss: number | null
  epochs: RecordedEpoch[]
  /**
   * The test split evaluated once at the end, on the weights the run keeps. Runs
   * recorded before this field existed get it from their last epoch (see RunStore).
   */
  testAccuracy: number | null
  testLoss: number | null
  /** The epoch whose weights the run keeps, chosen by validation loss; null without validation. */
  bestEpoch: number | null
  /** The epoch after which early stopping ended the run; null when it ran to the end. */
  stoppedEpoch: number | null
  durationSeconds: number
  /** The last epoch with a checkpoint on disk; training can resume after it. */
  checkpointEpoch: number | null
  evaluation: EvaluationSummary | null
  /** A trial of a hyperparameter search: its per-epoch test figures are on the validation split. */
  search?: { searchId: string; trial: number }
  /** Trains a search's best configuration fully: the report shows that search. */
  tunedFrom?: { searchId: string; trial: number }
  /** A variant of another run (Regularize): which run, and the one lever it changed. */
  baseline?: BaselineLink
  /** The latest comparison with that baseline. */
  comparison?: ComparisonSummary
}

/** A run folder whose run.json cannot be used: cut short, not a run record, or from a newer app. */
export interface DamagedRun {
  id: string
  folder: string
  /** What is wrong, as the end of a sentence about the file (English, for the CLI). */
  reason: string
  /** The whole sentence as the renderer's catalogue message and its values. */
  reasonText: LabErrorText
}

export const exportKindSchema = z.enum(['model', 'safetensors', 'metrics-csv', 'metrics-json'])
export type ExportKind = z.infer<typeof exportKindSchema>

export interface ExportedFile {
  fileName: string
  mimeType: string
  /** Base64 for binary files, plain text otherwise. */
  encoding: 'utf8' | 'base64'
  content: string
}

export const runRequests = {
  'runs.list': z.object({}).strict(),
  'runs.damaged': z.object({}).strict(),
  'runs.get': z.object({ runId: runIdSchema }).strict(),
  'runs.rename': z.object({ runId: runIdSchema, name: z.string().trim().min(1).max(80) }).strict(),
  'runs.delete': z.object({ runId: runIdSchema }).strict(),
  'runs.resume': z.object({ runId: runIdSchema }).strict(),
  'runs.export': z.object({ runId: runIdSchema, kind: exportKindSchema }).strict()
} as const

export interface RunResults {
  'runs.list': RunRecord[]
  'runs.damaged': DamagedRun[]
  'runs.get': RunRecord
  'runs.rename': RunRecord
  'runs.delete': { deleted: boolean }
  'runs.resume': { runId: string }
  'runs.export': ExportedFile[]
}

export interface RunEvents {
  'runs.changed': { runId: string }
}
