import { z } from 'zod'
import { splitSchema, type Split } from './datasets'
import { runIdSchema } from './training'
import { imagePixels, maxPixelValue } from '../image'

export interface ClassMetrics {
  precision: number
  recall: number
  f1: number
  support: number
  /** True when the model never predicted this class: precision is 0 by convention. */
  neverPredicted: boolean
}

export interface EvaluationSummary {
  split: Split
  accuracy: number
  macroF1: number
  weightedF1: number
  perClass: ClassMetrics[]
  /** Rows are true classes, columns predicted classes. */
  confusion: number[][]
}

export interface ScoredImage {
  index: number
  label: number
  predicted: number
  confidence: number
  probabilities: number[]
  /** Cross-entropy of this image, -ln p(true class), in nats. */
  loss: number
  pixels: number[]
}

export interface Evaluation extends EvaluationSummary {
  runId: string
  classNames: string[]
  /** Most confident mistakes first. */
  topLosses: ScoredImage[]
  /** Off-diagonal cells, largest first. */
  confusedPairs: { trueClass: number; predicted: number; count: number }[]
}

/**
 * One prediction per image of a split, as columns (compact across processes):
 * what `lab evaluate --predictions` writes as CSV.
 */
export interface PredictionTable {
  runId: string
  split: Split
  classNames: string[]
  labels: number[]
  predicted: number[]
  /** Probability of the predicted class. */
  confidence: number[]
}

const pixelsSchema = z.array(z.number().min(0).max(maxPixelValue)).length(imagePixels)

export const evaluateRequests = {
  'evaluate.run': z.object({ runId: runIdSchema, split: splitSchema }).strict(),
  'evaluate.cell': z
    .object({
      runId: runIdSchema,
      split: splitSchema,
      trueClass: z.number().int().min(0).max(99),
      predicted: z.number().int().min(0).max(99),
      limit: z.number().int().min(1).max(100)
    })
    .strict(),
  'predict.image': z.object({ runId: runIdSchema, pixels: pixelsSchema }).strict(),
  'evaluate.predictions': z.object({ runId: runIdSchema, split: splitSchema }).strict()
} as const

export interface EvaluateResults {
  'evaluate.run': Evaluation
  'evaluate.cell': { items: ScoredImage[]; total: number }
  'predict.image': { probabilities: number[]; predicted: number }
  'evaluate.predictions': PredictionTable
}
