/** An accuracy (0..1) as the CLI prints it, e.g. 97.41%; a missing one as a dash. */
export function percent(value: number | null): string {
  return value === null ? '–' : `${(value * 100).toFixed(2)}%`
}
