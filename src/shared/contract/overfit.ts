/**
 * Recipe step 4, Overfit: the loss at init, baselines, overfitting one batch,
 * and the recipe checks kept on disk in the lab's home (never browser storage).
 */
import { z } from 'zod'
import { datasetIdSchema, scalingSchema, type Scaling } from './datasets'
import { modelSpecSchema, type ModelSpec } from './training'

/** One fixed batch: at least two images, at most 256 (the seed's batch size). */
export const overfitBatchSizeSchema = z.number().int().min(2).max(256)
export const overfitStepsSchema = z.number().int().min(1).max(5000)

/** The batch has learned when its loss falls below this; it stops early below `overfitStopLoss`. */
export const overfitPassLoss = 0.01
export const overfitStopLoss = 1e-3
/** The images the loss at init is measured on. */
export const initCheckImages = 1000
/** How far the loss at init may sit from ln(classes) and still count as a sound start. */
export const initLossTolerance = 0.5

/** A model that knows nothing guesses evenly: its mean loss is near ln(classes). */
export function initLossOk(loss: number, classes: number): boolean {
  return Number.isFinite(loss) && Math.abs(loss - Math.log(classes)) < initLossTolerance
}

const modelOnDataset = {
  datasetId: datasetIdSchema,
  model: modelSpecSchema,
  scaling: scalingSchema,
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
}

export const checkInitParamsSchema = z.object(modelOnDataset).strict()
export type CheckInitParams = z.infer<typeof checkInitParamsSchema>

export const overfitBatchParamsSchema = z
  .object({
    ...modelOnDataset,
    batchSize: overfitBatchSizeSchema,
    steps: overfitStepsSchema,
    learningRate: z.number().positive().max(10)
  })
  .strict()
export type OverfitBatchParams = z.infer<typeof overfitBatchParamsSchema>

export interface InitCheck {
  initialLoss: number
  /** ln(number of classes): the loss of a uniform guess. */
  expected: number
  ok: boolean
  images: number
  /** Standard deviation of the initial logits over the images: near zero is the ideal start. */
  logitSpread: number
}

export interface LayerDiagnostics {
  /** The layer's name as the model summary shows it, e.g. "dense 1". */
  layer: string
  /** Hidden layers only (the output layer has no activation): mean and standard deviation. */
  activationMean: number | null
  activationSpread: number | null
  /** Share of units that were never active on the batch (ReLU only; null for other activations). */
  deadShare: number | null
  /** L2 norm of the gradient of the layer's weights. */
  gradientNorm: number
}

export interface OverfitStep {
  step: number
  loss: number
  /** Predicted class of each image of the batch, in batch order. */
  predictions: number[]
  /** With the first step only: the batch's images (784 raw pixels each) and their labels. */
  batch?: { images: number[][]; labels: number[] }
}

export interface OverfitBatchResult {
  finalLoss: number
  steps: number
  passed: boolean
  /** The batch: indices into the train split and their labels. */
  indices: number[]
  labels: number[]
  curve: { step: number; loss: number }[]
  predictions: number[]
  diagnostics: LayerDiagnostics[]
  warnings: string[]
  /** What to suspect when the loss would not fall; absent when it passed. */
  hint?: string
}

export const baselineNameSchema = z.enum(['majority', 'input-independent', 'linear'])
export type BaselineName = z.infer<typeof baselineNameSchema>

export interface BaselineResult {
  baseline: BaselineName
  testAccuracy: number
  /** Null for the majority class: a hard guess gives no probabilities to score. */
  testLoss: number | null
}

export const baselinesParamsSchema = z
  .object({ datasetId: datasetIdSchema, scaling: scalingSchema, seed: modelOnDataset.seed })
  .strict()

/** The human quiz: which test images, what the learner answered. */
export const quizAnswerSchema = z
  .object({
    index: z.number().int().min(0),
    answer: z.number().int().min(0).max(255)
  })
  .strict()

/** Recipe checks kept per dataset and model in <home>/checks/. */
export interface RecipeChecks {
  schemaVersion: 1
  datasetId: string
  model: ModelSpec
  scaling: Scaling
  updatedAt: string
  init: InitCheck | null
  baselines: BaselineResult[] | null
  oneBatch:
    | (Pick<OverfitBatchResult, 'finalLoss' | 'steps' | 'passed' | 'curve'> & {
        batchSize: number
      })
    | null
  human: { correct: number; total: number; modelCorrect: number | null } | null
}

/** Which checks file: one per dataset, model and scaling. */
export const checksKeySchema = z
  .object({ datasetId: datasetIdSchema, model: modelSpecSchema, scaling: scalingSchema })
  .strict()
export type ChecksKey = z.infer<typeof checksKeySchema>

export const humanBaselineSchema = z
  .object({
    ...checksKeySchema.shape,
    correct: z.number().int().min(0),
    modelCorrect: z.number().int().min(0).nullable(),
    total: z.number().int().min(1).max(100)
  })
  .strict()
  .refine((h) => h.correct <= h.total && (h.modelCorrect ?? 0) <= h.total, {
    message: 'correct answers cannot exceed the number of images'
  })

export const overfitRequests = {
  'overfit.checkInit': checkInitParamsSchema,
  'overfit.baselines': baselinesParamsSchema.extend({ model: modelSpecSchema }).strict(),
  'overfit.batch': overfitBatchParamsSchema,
  'overfit.stop': z.object({}).strict(),
  /** With `orNewest`, the newest checks of any model on the dataset when this model has none. */
  'overfit.checks': checksKeySchema.extend({ orNewest: z.boolean().optional() }).strict(),
  'overfit.human': humanBaselineSchema
} as const

export interface OverfitResults {
  'overfit.checkInit': InitCheck
  'overfit.baselines': BaselineResult[]
  /** Null when the job was stopped: nothing is recorded then. */
  'overfit.batch': OverfitBatchResult | null
  'overfit.stop': { stopped: boolean }
  'overfit.checks': RecipeChecks | null
  'overfit.human': RecipeChecks
}

export interface OverfitEvents {
  'overfit.step': OverfitStep
}
