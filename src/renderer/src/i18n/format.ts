/**
 * Numbers, percentages and dates as the chosen language writes them
 * (English 0.923 and 79.1%, German 0,923 and 79,1 %). Every figure the user
 * reads goes through here; each call reads the current locale, so templates
 * and computed values that use these re-render when the language changes.
 */
import { currentLocale } from './index'

const numberFormats = new Map<string, Intl.NumberFormat>()

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = currentLocale()
  const key = `${locale}|${JSON.stringify(options)}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    numberFormats.set(key, format)
  }
  return format
}

/** What every formatter shows for a missing or non-finite figure. */
export const noValue = '–'

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Up to `digits` decimals, trailing zeros dropped: 0.923, 2.3, 60,000. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (!finite(value)) return noValue
  return numberFormat({ maximumFractionDigits: digits }).format(value)
}

/** Exactly `digits` decimals, as toFixed does: 0.500, 12.0. */
export function formatFixed(value: number | null | undefined, digits: number): string {
  if (!finite(value)) return noValue
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value
  )
}

/** A whole number with grouping: 60,000 (English), 60.000 (German). */
export function formatCount(value: number | null | undefined): string {
  if (!finite(value)) return noValue
  return numberFormat({ maximumFractionDigits: 0 }).format(value)
}

/** A ratio in [0, 1] as a percentage with `digits` decimals: 0.791 → 79.1% / 79,1 %. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (!finite(ratio)) return noValue
  return numberFormat({
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(ratio)
}

/** At most `digits` significant digits: a rate of 0.00012, a factor of 0.5, a count of 25. */
export function formatSignificant(value: number | null | undefined, digits = 3): string {
  if (!finite(value)) return noValue
  return numberFormat({ maximumSignificantDigits: digits }).format(value)
}

/** Very small or large figures (learning rates, losses near zero): 1e-4 stays readable. */
export function formatScientific(value: number | null | undefined, digits = 2): string {
  if (!finite(value)) return noValue
  return numberFormat({ notation: 'scientific', maximumFractionDigits: digits }).format(value)
}

/** A time of day as the locale writes it: 08:47 (German), 8:47 AM (English). */
export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(date)
}

/** A date and time from an ISO string, in the locale's medium style. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return noValue
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return noValue
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short'
  }).format(date)
}
