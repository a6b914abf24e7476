/**
 * The message under a Regularize number field whose text the contract would
 * refuse. The limits come from the zod schema itself, so the form and the
 * engine (and the CLI) can never disagree about them.
 */
import type { z } from 'zod'
import { translate } from '../../i18n'

export function numberFieldError(schema: z.ZodNumber, text: string): string | null {
  const value = text.trim() === '' ? NaN : Number(text)
  if (schema.safeParse(value).success) return null
  const limits = { min: schema.minValue ?? '−∞', max: schema.maxValue ?? '∞' }
  return translate(
    schema.isInt ? 'regularize.fields.wholeNumber' : 'regularize.fields.between',
    limits
  )
}
