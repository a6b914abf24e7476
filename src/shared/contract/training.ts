import { z } from 'zod'
import type { LabErrorText } from '../errors'
import type { LayerDiagnostics } from './overfit'
import { backendChoiceSchema, type BackendName, type GpuAdapter } from './system'
import { datasetIdSchema, scalingSchema } from './datasets'
import { scheduleSchema } from './schedule'
import { baselineLinkSchema, regularizeConfigShape, type TrainResultEvent } from './regularize'

export const activationSchema = z.enum(['relu', 'tanh', 'sigmoid', 'gelu'])
export type Activation = z.infer<typeof activationSchema>

export const denseLayerSchema = z
  .object({
    units: z.number().int().min(1).max(4096),
    activation: activationSchema,
    dropout: z.number().min(0).max(0.95)
  })
  .strict()
export type DenseLayerSpec = z.infer<typeof denseLayerSchema>

export const modelSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mlp'), hidden: z.array(denseLayerSchema).max(16) }).strict(),
  z
    .object({
      kind: z.literal('cnn'),
      filters: z.tuple([z.number().int().min(1).max(256), z.number().int().min(1).max(256)]),
      dense: z.number().int().min(1).max(4096),
      dropout: z.number().min(0).max(0.95)
    })
    .strict()
])
export type ModelSpec = z.infer<typeof modelSpecSchema>

/** More threads than this stop paying on any machine the lab targets. */
export const maxWorkers = 64

export const optimizerSchema = z.enum(['adam', 'sgd', 'rmsprop'])
export type OptimizerName = z.infer<typeof optimizerSchema>

export const trainConfigSchema = z
  .object({
    datasetId: datasetIdSchema,
    model: modelSpecSchema,
    optimizer: optimizerSchema,
    learningRate: z.number().positive().max(10),
    /** How the rate changes over the run; absent means constant (runs from before schedules). */
    schedule: scheduleSchema.optional(),
    /** SGD only. */
    momentum: z.number().min(0).max(0.999),
    batchSize: z.number().int().min(1).max(8192),
    epochs: z.number().int().min(1).max(1000),
    shuffle: z.boolean(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    scaling: scalingSchema,
    /** L2 weight penalty; 0 is off. */
    l2: z.number().min(0).max(1),
    /**
     * The share of the training split trained on, taken from a seeded shuffle so
     * classes stay mixed (1: all of it). Learning curves and quick checks use less.
     */
    trainFraction: z.number().gt(0).max(1),
    backend: backendChoiceSchema,
    /**
     * Worker threads that split each batch (null: one per core of the machine
     * that trains). A search runs its trials with 1 each.
     */
    workers: z.number().int().min(1).max(maxWorkers).nullable(),
    ...regularizeConfigShape
  })
  .strict()
  .superRefine((config, issues) => {
    if (config.earlyStopping && !(config.validationFraction && config.validationFraction > 0)) {
      issues.addIssue({
        code: 'custom',
        path: ['earlyStopping'],
        message:
          'early stopping judges by the validation split: set a validation fraction above 0 (judging by the test split would pick the model by its test score)'
      })
    }
  })
export type TrainConfig = z.infer<typeof trainConfigSchema>

export type RunStatus =
  'running' | 'paused' | 'completed' | 'stopped' | 'diverged' | 'failed' | 'interrupted'

export interface BatchEvent {
  runId: string
  epoch: number
  batch: number
  batchesPerEpoch: number
  /** Global step, counting from 1. */
  step: number
  loss: number
  samplesPerSecond: number
  etaSeconds: number
}

/** Predicted class and its probability for each image of a fixed strip of test images. */
export interface PredictionStrip {
  predicted: number[]
  confidence: number[]
}

export interface EpochMetrics {
  epoch: number
  /**
   * Measured after the epoch as the seed does: one pass without gradients,
   * dropout off, over `trainMeasured` training images (the whole split, or a
   * fixed stratified subset of a larger one). Every train/test gap uses these.
   */
  trainLoss: number
  trainAccuracy: number
  trainMeasured: number
  /** The mean over the epoch's batches while the weights still moved (the running mean). */
  runningLoss: number
  runningAccuracy: number
  /** Predictions on the first test images after the epoch (the Overfit tab's dynamics grid). */
  strip?: PredictionStrip
  /** Per-layer health after the epoch, on a fixed batch of the train split, with warnings. */
  diagnostics?: { layers: LayerDiagnostics[]; warnings: string[] }
  /**
   * Per-epoch test figures, only for a run without a validation split: the test
   * split then stands in for validation (which flatters the model chosen by it).
   */
  testLoss?: number
  testAccuracy?: number
  /** Per-epoch validation figures, for a run with a validation split. */
  validationLoss?: number
  validationAccuracy?: number
  seconds: number
  samplesPerSecond: number
  /** The rate of the epoch's last step (it changes within an epoch under a schedule). */
  learningRate?: number
}

export interface EpochEvent extends EpochMetrics {
  runId: string
}

/** How a training step runs: chosen once per run by the engine's step module (engine/step/plan.ts). */
export interface StepChoice {
  /**
   * fast-mlp, fast-cnn: forward and backward written out by hand (step/fast-mlp.ts,
   * step/fast-cnn.ts); autodiff: tf.variableGrads.
   */
  path: 'fast-mlp' | 'fast-cnn' | 'autodiff'
  /** Step workers splitting each batch (parallel/step-pool.ts); 1 is the engine's own thread. */
  workers: number
  /** Where the loss and d loss / d logits are computed. */
  lossOn: 'host' | 'device'
  /** Where the optimizer updates the weights. */
  optimizerOn: 'host' | 'device'
  /** Why, in a sentence. */
  reason: string
}

export interface TrainStatusEvent {
  runId: string
  status: RunStatus
  message?: string
  /** `message` as the renderer's catalogue message and its values. */
  text?: LabErrorText
  backend?: BackendName
  /** The GPU adapter, when a GPU backend (webgpu, webgl) trains the run. */
  adapter?: GpuAdapter
  /** Sent with 'running': how this run's steps are computed. */
  step?: StepChoice
}

export const runIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'a run id is lower-case letters, digits and dashes')

export const searchIdSchema = z
  .string()
  .regex(
    /^s-[a-z0-9-]{1,80}$/,
    'a search id starts with "s-", then lower-case letters, digits and dashes'
  )

/** A run that trains a search's chosen configuration fully (Tune). */
export const tunedFromSchema = z
  .object({ searchId: searchIdSchema, trial: z.number().int().min(0) })
  .strict()
export type TunedFrom = z.infer<typeof tunedFromSchema>

export const trainingRequests = {
  'train.start': z
    .object({
      config: trainConfigSchema,
      name: z.string().trim().max(80).optional(),
      tunedFrom: tunedFromSchema.optional(),
      /** The run this one is a variant of (Regularize), for its comparison and report. */
      baseline: baselineLinkSchema.optional()
    })
    .strict(),
  'train.pause': z.object({ runId: runIdSchema }).strict(),
  'train.resume': z.object({ runId: runIdSchema }).strict(),
  'train.stop': z.object({ runId: runIdSchema }).strict()
} as const

export interface TrainingResults {
  'train.start': { runId: string }
  'train.pause': { status: RunStatus }
  'train.resume': { status: RunStatus }
  'train.stop': { status: RunStatus }
}

export interface TrainingEvents {
  'train.batch': BatchEvent
  'train.epoch': EpochEvent
  'train.status': TrainStatusEvent
  'train.result': TrainResultEvent
}
