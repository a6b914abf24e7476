/**
 * Tune (recipe step 6): the learning-rate finder, the hyperparameter search and
 * ensembles. Schedules are in ./schedule (a training option).
 */
import { z } from 'zod'
import { runIdSchema, trainConfigSchema } from './training'
import type { LabErrorText } from '../errors'
import type { EvaluationSummary } from './evaluate'

/** Smith's range test as fastai runs it: 1e-7 to 10 over 100 steps by default. */
export const lrFinderLimits = {
  startRate: 1e-7,
  endRate: 10,
  steps: 100,
  minSteps: 20,
  maxSteps: 300,
  /** The sweep stops once the smoothed loss passes this many times its minimum. */
  divergeFactor: 4
} as const

export const lrFindParamsSchema = z
  .object({
    config: trainConfigSchema,
    startRate: z.number().positive().max(1).default(lrFinderLimits.startRate),
    endRate: z.number().positive().max(100).default(lrFinderLimits.endRate),
    steps: z
      .number()
      .int()
      .min(lrFinderLimits.minSteps)
      .max(lrFinderLimits.maxSteps)
      .default(lrFinderLimits.steps)
  })
  .strict()
  .refine((p) => p.startRate < p.endRate, {
    message: 'the start rate must be below the end rate',
    path: ['endRate']
  })
export type LrFindParams = z.output<typeof lrFindParamsSchema>

export interface LrPoint {
  step: number
  rate: number
  loss: number
  /** Bias-corrected exponential moving average of the loss. */
  smoothedLoss: number
}

export interface LrFindResult {
  points: LrPoint[]
  /** Where the smoothed loss falls fastest (against log rate). */
  steepestRate: number
  /** The rate of the lowest smoothed loss, divided by 10. */
  minLossRate: number
  suggestion: number
  /** One sentence on why the suggestion is what it is (English, for the CLI). */
  reason: string
  /** The same sentence as the renderer's catalogue message and its rates. */
  reasonText: LabErrorText
  /** True when the loss blew up before the end rate (the usual ending). */
  stoppedEarly: boolean
}

export interface LrFindProgressEvent {
  step: number
  steps: number
  rate: number
  loss: number
  smoothedLoss: number
}

export const ensembleParamsSchema = z
  .object({ runIds: z.array(runIdSchema).min(2, 'an ensemble needs at least 2 runs').max(10) })
  .strict()
  .refine((p) => new Set(p.runIds).size === p.runIds.length, {
    message: 'each run can be a member only once',
    path: ['runIds']
  })

export interface EnsembleMember {
  runId: string
  name: string
  accuracy: number
  macroF1: number
}

export interface EnsembleResult {
  /** The averaged probabilities evaluated on the test split. */
  evaluation: EvaluationSummary
  classNames: string[]
  members: EnsembleMember[]
  bestMember: EnsembleMember
}

export const tuneRequests = {
  'lr.find': lrFindParamsSchema,
  'ensemble.evaluate': ensembleParamsSchema
} as const

export interface TuneResults {
  'lr.find': LrFindResult
  'ensemble.evaluate': EnsembleResult
}

export interface TuneEvents {
  'lr.progress': LrFindProgressEvent
}
