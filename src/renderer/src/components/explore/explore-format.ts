/**
 * Pure helpers behind the Explore panels: numbers turned into the words and
 * shapes the learner reads. Kept out of the components so they are testable
 * without a DOM.
 */
import type { Scaling } from '../../../../shared/contract'
import { imageSide } from '../../../../shared/image'
import { i18n, translate } from '../../i18n'
import { formatCount, formatFixed, formatNumber } from '../../i18n/format'

export { formatCount }

const byteUnits = ['B', 'KB', 'MB', 'GB'] as const

export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${formatFixed(value, digits)} ${byteUnits[unit]}`
}

export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`
}

/** A number short enough for a fact line or an axis, exact when it is an integer. */
export function formatValue(value: number, digits = 3): string {
  return Number.isInteger(value) ? String(value) : formatNumber(value, digits)
}

/** The label as the network should see it: one 1 at its index, 0 elsewhere. */
export function oneHot(label: number, classCount: number): number[] {
  return Array.from({ length: classCount }, (_, i) => (i === label ? 1 : 0))
}

/** "a, b ,c" to ["a", "b", "c"]; an empty field means "use the label numbers". */
export function parseClassNames(text: string): string[] | undefined {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return names.length > 0 ? names : undefined
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

/**
 * What the largest-over-smallest class ratio means for training. 1.5 is a
 * common rule of thumb for "mild"; the words matter more than the cut-offs.
 */
export function imbalanceVerdict(ratio: number): string {
  if (ratio < 1.5) return translate('explore.histogram.balanced')
  if (ratio < 3) return translate('explore.histogram.mild')
  return translate('explore.histogram.strong')
}

/** The choices of input scaling; each `label` is a catalogue key. */
export const scalingOptions: ReadonlyArray<{ value: Scaling; label: string; formula: string }> = [
  { value: 'none', label: 'explore.scaling.none', formula: 'x' },
  { value: 'unit', label: 'explore.scaling.unit', formula: '(x − min) / (max − min)' },
  {
    value: 'symmetric',
    label: 'explore.scaling.symmetric',
    formula: '2 · (x − min) / (max − min) − 1'
  },
  { value: 'standardize', label: 'explore.scaling.standardize', formula: '(x − mean) / std' }
]

type DatasetTextPart = 'name' | 'description' | 'splitNote'

/**
 * A catalog dataset's name, description or split note in the chosen language;
 * an imported dataset keeps the words its importer gave it.
 */
export function datasetText(
  dataset: { id: string } & Partial<Record<DatasetTextPart, string>>,
  part: DatasetTextPart
): string {
  const key = `explore.catalog.${dataset.id}.${part}`
  return i18n.global.te(key, 'en') ? translate(key) : (dataset[part] ?? '')
}

/** Bin labels for a histogram axis: the lower edge of each bin. */
export function binLabels(edges: number[]): string[] {
  return edges.slice(0, -1).map((edge) => formatValue(edge, 2))
}

/**
 * Stretches any non-negative map (a standard deviation, a mean) to 0..255 so
 * DigitImage can draw it; the brightest pixel is the largest value.
 */
export function toGreyscale(values: number[]): number[] {
  const max = values.reduce((m, v) => Math.max(m, v), 0)
  if (max <= 0) return values.map(() => 0)
  return values.map((v) => Math.round((Math.max(0, v) / max) * 255))
}

/** 784 values as 28 rows of 28, for the pixel table. */
export function toRows(pixels: number[], width = imageSide): number[][] {
  const rows: number[][] = []
  for (let start = 0; start < pixels.length; start += width)
    rows.push(pixels.slice(start, start + width))
  return rows
}

/** "5" for digits; "1 (Trouser)" where the class has a name of its own. */
export function labelText(label: number, classNames: string[]): string {
  const name = classNames[label]
  return name === undefined || name === String(label) ? String(label) : `${label} (${name})`
}
