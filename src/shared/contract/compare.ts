/**
 * Comparing runs (a baseline and a variant) and learning curves: the requests
 * of the Regularize step beyond a single training run.
 */
import { z } from 'zod'
import { runIdSchema, trainConfigSchema, type RunStatus } from './training'
import type { LabErrorText } from '../errors'
import type { Interval } from '../statistics'

export interface RunComparison {
  runA: string
  runB: string
  /** Test accuracy on each run's kept weights. */
  accuracyA: number
  accuracyB: number
  /** Wilson 95% intervals of those accuracies. */
  intervalA: Interval
  intervalB: Interval
  /** Test images only A got right, and only B. */
  onlyA: number
  onlyB: number
  /** McNemar's exact test on the per-image test predictions. */
  mcnemarP: number
  /** Train minus test accuracy at each run's kept epoch (null when unknown). */
  gapA: number | null
  gapB: number | null
  testCount: number
}

/** One fraction of a learning curve: the run trained on it and its figures. */
export interface LearningCurvePoint {
  fraction: number
  runId: string
  trainCount: number
  status: RunStatus
  trainAccuracy: number | null
  testAccuracy: number | null
}

export interface LearningCurveEvent {
  curveId: string
  /** Fractions in the order they train. */
  fractions: number[]
  points: LearningCurvePoint[]
  state: 'running' | 'done' | 'stopped' | 'failed'
  /** The run training now, while the curve runs (stopping it stops the curve). */
  runningRunId?: string
  /** Why the curve stopped early (English, for the CLI). */
  message?: string
  /** `message` as the renderer's catalogue message, when the lab has the words for it. */
  text?: LabErrorText
}

export const learningCurveFractionsSchema = z
  .array(z.number().gt(0, 'a train fraction is above 0').max(1, 'a train fraction is at most 1'))
  .min(2, 'a learning curve needs at least two train fractions')
  .max(8, 'a learning curve has at most eight train fractions')
  .refine((list) => new Set(list).size === list.length, 'each train fraction once')

export const compareRequests = {
  'runs.compare': z.object({ runA: runIdSchema, runB: runIdSchema }).strict(),
  'learningCurve.start': z
    .object({ config: trainConfigSchema, fractions: learningCurveFractionsSchema })
    .strict()
} as const

export interface CompareResults {
  'runs.compare': RunComparison
  'learningCurve.start': { curveId: string }
}

export interface CompareEvents {
  'learningCurve.progress': LearningCurveEvent
}
