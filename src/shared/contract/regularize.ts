/**
 * The Regularize step's part of a training config: a validation split carved
 * from train, on-the-fly augmentation and early stopping. Each is optional in
 * a config, so configs written before they existed still parse; absent means off.
 */
import { z } from 'zod'

/** Share of the train split held out for validation; above one half leaves too little to train on. */
export const validationFractionSchema = z
  .number()
  .min(0, 'the validation fraction is at least 0')
  .max(0.5, 'the validation fraction is at most 0.5 (half the train split)')

/** The default on the Regularize and Tune tabs (the Train tab keeps the seed's 0). */
export const defaultValidationFraction = 0.1

export const augmentationSchema = z
  .object({
    /** Largest shift in pixels, each axis drawn uniformly in [-shift, shift]. */
    shift: z.number().min(0).max(8),
    /** Largest rotation in degrees, drawn uniformly in [-rotate, rotate]. */
    rotate: z.number().min(0).max(45),
    /** Largest relative zoom, drawn uniformly in [1 - scale, 1 + scale]. */
    scale: z.number().min(0).max(0.5)
  })
  .strict()
export type Augmentation = z.infer<typeof augmentationSchema>
export const augmentationKeys = Object.keys(augmentationSchema.shape) as (keyof Augmentation)[]

export const earlyStoppingSchema = z
  .object({
    /** Epochs without a lower validation loss before training stops. */
    patience: z.number().int().min(0, 'patience is a whole number of epochs, 0 or more').max(1000)
  })
  .strict()
export type EarlyStopping = z.infer<typeof earlyStoppingSchema>

/** The fields trainConfigSchema gains; kept here so the Regularize step's limits live in one file. */
export const regularizeConfigShape = {
  validationFraction: validationFractionSchema.optional(),
  augmentation: augmentationSchema.optional(),
  earlyStopping: earlyStoppingSchema.optional()
}

/** What a variant changed relative to its baseline run (levers.ts makes the change). */
export const leverSchema = z.enum([
  'augmentation',
  'dropout',
  'l2',
  'model-size',
  'batch-size',
  'early-stopping',
  'more-data',
  'seed'
])
export type Lever = z.infer<typeof leverSchema>

export const baselineLinkSchema = z
  .object({ runId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/), lever: leverSchema })
  .strict()
export type BaselineLink = z.infer<typeof baselineLinkSchema>

/** A variant's comparison with its baseline, kept in the variant's run.json for its report. */
export interface ComparisonSummary {
  baselineRunId: string
  mcnemarP: number
  gapBaseline: number | null
  gapVariant: number | null
  accuracyBaseline: number
  accuracyVariant: number
}

/** Which split a figure was measured on. */
export type FigureSplit = 'train' | 'validation' | 'test'

/**
 * The end of a run: the test split evaluated once, on the weights the run keeps
 * (the best epoch's under early stopping, else the last).
 */
export interface TrainResultEvent {
  runId: string
  testLoss: number
  testAccuracy: number
  /** The epoch whose weights were kept, chosen by validation loss (null without validation). */
  bestEpoch: number | null
  /** The epoch early stopping ended the run after (null when it did not stop early). */
  stoppedEpoch: number | null
}
