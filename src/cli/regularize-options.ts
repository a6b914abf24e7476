/**
 * The Regularize step's options of `lab train` and `lab learning-curve`:
 * --validation, --augment, --early-stopping. Checked against the contract's
 * schemas here, so a bad value is a usage error (exit 2) before the lab starts.
 */
import type { z } from 'zod'
import {
  augmentationKeys,
  augmentationSchema,
  earlyStoppingSchema,
  validationFractionSchema,
  type TrainConfig
} from '../shared/contract'
import { numberOption, stringOption, UsageError, type OptionValues } from './options'

export const regularizeOptionSpecs = {
  validation: { type: 'string' },
  augment: { type: 'string' },
  'early-stopping': { type: 'string' }
} as const

export const regularizeUsage =
  '[--validation 0.1] [--augment shift=2,rotate=10,scale=0.1] [--early-stopping PATIENCE]'

type RegularizeFields = Pick<TrainConfig, 'validationFraction' | 'augmentation' | 'earlyStopping'>

function checked<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const result = schema.safeParse(value)
  if (!result.success) {
    throw new UsageError(`--${option}: ${result.error.issues.map((i) => i.message).join('; ')}.`)
  }
  return result.data
}

/** `shift=2,rotate=10,scale=0.1`; keys left out are 0 (that transform is off). */
export function parseAugmentation(text: string): NonNullable<TrainConfig['augmentation']> {
  const values: Record<string, number> = { shift: 0, rotate: 0, scale: 0 }
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [key, raw, extra] = part.split('=')
    if (!key || raw === undefined || extra !== undefined) {
      throw new UsageError(
        `--augment takes key=value pairs like shift=2,rotate=10,scale=0.1, not "${part}".`
      )
    }
    if (!(augmentationKeys as string[]).includes(key)) {
      throw new UsageError(`--augment has no "${key}"; use ${augmentationKeys.join(', ')}.`)
    }
    const value = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(value)) {
      throw new UsageError(`--augment ${key} must be a number, not "${raw}".`)
    }
    values[key] = value
  }
  return checked(augmentationSchema, values, 'augment')
}

/** The fields these options set, absent when not given (the config's default: off). */
export function regularizeFromOptions(
  values: OptionValues,
  validationDefault = 0
): RegularizeFields {
  const validation = checked(
    validationFractionSchema,
    numberOption(values, 'validation', validationDefault),
    'validation'
  )
  const augment = stringOption(values, 'augment')
  const patience = stringOption(values, 'early-stopping')
  const fields: RegularizeFields = {}
  if (validation > 0) fields.validationFraction = validation
  if (augment !== undefined) fields.augmentation = parseAugmentation(augment)
  if (patience !== undefined) {
    fields.earlyStopping = checked(
      earlyStoppingSchema,
      { patience: numberOption(values, 'early-stopping', 0) },
      'early-stopping'
    )
    if (validation <= 0) {
      throw new UsageError(
        '--early-stopping judges by the validation split: add --validation 0.1 (or another fraction above 0).'
      )
    }
  }
  return fields
}
