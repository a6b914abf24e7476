/**
 * Reading a command's arguments. Anything wrong with them is a UsageError: the
 * entry prints it with the command's usage and exits 2, and the lab is never
 * started for a command line it could not act on.
 */

/** A command line the lab cannot act on (missing or malformed argument). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** What node:util parseArgs hands a command. */
export type OptionValues = Record<string, string | boolean | undefined>

/** The positional argument at `index`; `what` completes "Name …" when it is missing. */
export function requiredPositional(positionals: string[], index: number, what: string): string {
  const value = positionals[index]
  if (value === undefined || value.trim() === '') throw new UsageError(`Name ${what}.`)
  return value
}

/** A string option, or undefined when it was not given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

/** A comma-separated option as its trimmed, non-empty parts; undefined when not given. */
export function listOption(values: OptionValues, name: string): string[] | undefined {
  return stringOption(values, name)
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** A number option, or the fallback; the contract's schema checks the range afterwards. */
export function numberOption(values: OptionValues, name: string, fallback: number): number {
  const raw = stringOption(values, name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`--${name} must be a number, not "${raw}".`)
  }
  return value
}
