/**
 * The hyperparameter search space (Tune): what a learner edits before a random
 * search. Ranges are sampled uniformly (the learning rate log-uniformly), lists
 * are choices. Every problem is reported on the field it concerns.
 */
import { z } from 'zod'
import type { LabErrorText } from '../errors'
import { scheduleKinds } from './schedule'
import { optimizerSchema, searchIdSchema, trainConfigSchema, type TrainConfig } from './training'

const choice = <T extends z.ZodTypeAny>(item: T) =>
  z.array(item).min(1, 'choose at least one value')

/** Refined on its own, so its problems are reported even when a sibling field is wrong too. */
const rangeSchema = (low: number, high: number) =>
  z
    .object({ min: z.number().min(low).max(high), max: z.number().min(low).max(high) })
    .strict()
    .superRefine((range, ctx) => {
      if (range.min > range.max) ctx.addIssue(minAboveMax(range))
    })

/** Custom issues name the renderer's catalogue message in `params`, as LabErrors do. */
function minAboveMax(range: { min: number; max: number }) {
  return {
    code: 'custom' as const,
    message: `min ${range.min} is above max ${range.max}`,
    params: { key: 'tune.issues.minAboveMax', params: { min: range.min, max: range.max } }
  }
}

const logRangeSchema = z
  .object({ min: z.number().max(10), max: z.number().max(10) })
  .strict()
  .superRefine((range, ctx) => {
    if (range.min <= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['min'],
        message: 'a log-uniform range cannot include 0 or go below it; start at 1e-5, say',
        params: { key: 'tune.issues.logRangeZero' }
      })
    }
    if (range.min > range.max) ctx.addIssue(minAboveMax(range))
  })

export const searchSpaceSchema = z
  .object({
    /** Sampled log-uniformly: as many trials between 1e-4 and 1e-3 as between 1e-3 and 1e-2. */
    learningRate: logRangeSchema,
    batchSize: choice(z.number().int().min(1).max(8192)),
    model: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('mlp'),
          widths: choice(z.number().int().min(1).max(4096)),
          depths: choice(z.number().int().min(0).max(16))
        })
        .strict(),
      z
        .object({
          kind: z.literal('cnn'),
          filters: choice(
            z.tuple([z.number().int().min(1).max(256), z.number().int().min(1).max(256)])
          ),
          dense: choice(z.number().int().min(1).max(4096))
        })
        .strict()
    ]),
    dropout: rangeSchema(0, 0.95),
    /** A choice, not a log range, so that 0 (no penalty) can be one of them. */
    l2: choice(z.number().min(0).max(1)),
    optimizer: choice(optimizerSchema),
    schedule: choice(z.enum(scheduleKinds))
  })
  .strict()
export type SearchSpace = z.infer<typeof searchSpaceSchema>

/** A space worth searching for the seed MLP on MNIST. */
export const defaultSearchSpace: SearchSpace = {
  learningRate: { min: 1e-4, max: 1e-2 },
  batchSize: [64, 128, 256],
  model: { kind: 'mlp', widths: [64, 128, 256], depths: [1, 2, 3] },
  dropout: { min: 0, max: 0.3 },
  l2: [0, 1e-5, 1e-4],
  optimizer: ['adam'],
  schedule: ['constant', 'cosine']
}

/** The space's problems as "field: message" sentences, for a CLI or a form. */
export function searchSpaceProblems(input: unknown): string[] {
  const parsed = searchSpaceSchema.safeParse(input)
  if (parsed.success) return []
  return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'space'}: ${issue.message}`)
}

/** Trials and their engines: a pool of Node engine processes, one trial each. */
export const searchLimits = { maxTrials: 200, maxEpochs: 100, maxParallel: 64 } as const

export const searchStartSchema = z
  .object({
    /** Everything a trial does not draw from the space (dataset, scaling, seed, backend). */
    base: trainConfigSchema,
    space: searchSpaceSchema,
    trials: z.number().int().min(1).max(searchLimits.maxTrials),
    /** The epoch budget of a trial that survives every rung. */
    epochs: z.number().int().min(1).max(searchLimits.maxEpochs),
    parallel: z.number().int().min(1).max(searchLimits.maxParallel),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
  })
  .strict()
export type SearchStart = z.infer<typeof searchStartSchema>

export type TrialStatus = 'pending' | 'running' | 'stopped' | 'completed' | 'diverged' | 'failed'

export interface TrialRecord {
  trial: number
  config: TrainConfig
  runId: string | null
  status: TrialStatus
  /** Validation accuracy after the latest epoch trained (null until one finished). */
  validationAccuracy: number | null
  /** Validation accuracy per epoch trained (index 0: epoch 1): rungs compare these. */
  scores: number[]
  epochs: number
  /** The rung (its epoch) a trial was stopped at by successive halving, else null. */
  stoppedAtRung: number | null
  seconds: number
  message?: string
  /** `message` as the renderer's catalogue message; searches recorded before it have none. */
  messageText?: LabErrorText
}

export type SearchStatus = 'running' | 'completed' | 'interrupted' | 'failed'

export interface SearchRecord extends SearchStart {
  id: string
  createdAt: string
  updatedAt: string
  status: SearchStatus
  /** Epochs after which the weaker half stops. */
  rungs: number[]
  trialRecords: TrialRecord[]
  best: { trial: number; runId: string; config: TrainConfig; validationAccuracy: number } | null
  /** The best trial's test-split accuracy, measured once at the end. */
  bestTestAccuracy: number | null
  message?: string
  /** `message` as the renderer's catalogue message and its values. */
  messageText?: LabErrorText
  wallSeconds: number
}

export const searchRequests = {
  'search.start': searchStartSchema,
  'search.resume': z.object({ searchId: searchIdSchema }).strict(),
  'search.get': z.object({ searchId: searchIdSchema }).strict(),
  'search.list': z.object({}).strict()
} as const

export interface SearchResults {
  'search.start': { searchId: string }
  'search.resume': { searchId: string }
  'search.get': SearchRecord
  'search.list': SearchRecord[]
}

export interface SearchEvents {
  /** A trial ended a stage: reached a rung, was stopped there, or finished. */
  'search.trial': { searchId: string; trial: TrialRecord }
  'search.status': {
    searchId: string
    status: SearchStatus
    message?: string
    text?: LabErrorText
  }
}
