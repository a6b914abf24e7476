/**
 * What the Explore tab shows, computed from a loaded dataset. Pure functions of
 * their inputs (the memos only remember results for the same arrays), so the CLI
 * and tests call them without an engine process.
 */
import type {
  ClassImages,
  DatasetFacts,
  IntensityHistogram,
  SamplePage,
  Scaling,
  ScalingReport,
  Split
} from '../../../../shared/contract'
import { IMAGE_COLS, IMAGE_ROWS, IMAGE_SIZE } from '../../datasets/idx'
import type { LoadedDataset, SplitData } from '../../datasets/load'

/** Pixels are uint8: one count per possible value says everything about their distribution. */
export type ValueCounts = Float64Array

const valueCountsMemo = new WeakMap<Uint8Array, ValueCounts>()

/** How often each value 0..255 occurs. Memoized: the scan of 47 MB is the slow part. */
export function valueCounts(pixels: Uint8Array): ValueCounts {
  const memo = valueCountsMemo.get(pixels)
  if (memo) return memo
  const counts = new Float64Array(256)
  for (let i = 0; i < pixels.length; i++) counts[pixels[i]]++
  valueCountsMemo.set(pixels, counts)
  return counts
}

function addCounts(a: ValueCounts, b: ValueCounts): ValueCounts {
  return a.map((count, value) => count + b[value])
}

export interface ValueStats {
  min: number
  max: number
  mean: number
  /** Population standard deviation. */
  std: number
  n: number
}

export function statsOf(counts: ValueCounts): ValueStats {
  let min = Infinity
  let max = -Infinity
  let n = 0
  let sum = 0
  for (let v = 0; v < counts.length; v++) {
    if (counts[v] === 0) continue
    min = Math.min(min, v)
    max = Math.max(max, v)
    n += counts[v]
    sum += v * counts[v]
  }
  const mean = n > 0 ? sum / n : 0
  let squares = 0
  for (let v = 0; v < counts.length; v++) squares += counts[v] * (v - mean) ** 2
  return {
    min: n > 0 ? min : 0,
    max: n > 0 ? max : 0,
    mean,
    std: n > 0 ? Math.sqrt(squares / n) : 0,
    n
  }
}

export function classCounts(labels: Uint8Array, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0)
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++
  return counts
}

/**
 * Largest class over smallest. An empty class counts as 1 so the ratio stays a
 * finite number that survives JSON; the class counts show the zero itself.
 */
export function imbalanceRatio(counts: number[]): number {
  if (counts.length === 0) return 1
  return Math.max(...counts) / Math.max(1, Math.min(...counts))
}

export function computeFacts(dataset: LoadedDataset): DatasetFacts {
  const { train, test, classNames } = dataset
  const all = statsOf(addCounts(valueCounts(train.images), valueCounts(test.images)))
  const trainClasses = classCounts(train.labels, classNames.length)
  const testClasses = classCounts(test.labels, classNames.length)
  return {
    id: dataset.id,
    name: dataset.name,
    counts: { train: train.count, test: test.count, total: train.count + test.count },
    imageShape: [IMAGE_ROWS, IMAGE_COLS],
    inputSize: IMAGE_SIZE,
    storage: {
      container: `IDX file, held as one Uint8Array per split (${IMAGE_SIZE} bytes per image, row by row)`,
      dtype: 'uint8'
    },
    labelType: `uint8 class index 0-${classNames.length - 1}`,
    valueRange: { min: all.min, max: all.max },
    classNames,
    classCounts: { train: trainClasses, test: testClasses },
    imbalanceRatio: { train: imbalanceRatio(trainClasses), test: imbalanceRatio(testClasses) },
    meanPixel: all.mean,
    splitNote: dataset.splitNote
  }
}

export interface SampleQuery {
  split: Split
  /** Only this class, or null for all. */
  classFilter: number | null
  page: number
  pageSize: number
}

/** One page of images, in file order; a page past the end is empty, not an error. */
export function samplePage(dataset: LoadedDataset, query: SampleQuery): SamplePage {
  const data: SplitData = dataset[query.split]
  const { classFilter, page, pageSize } = query
  const first = page * pageSize
  const items: SamplePage['items'] = []
  let matched = 0
  for (let index = 0; index < data.count; index++) {
    const label = data.labels[index]
    if (classFilter !== null && label !== classFilter) continue
    if (matched >= first && items.length < pageSize) {
      const pixels = data.images.subarray(index * IMAGE_SIZE, (index + 1) * IMAGE_SIZE)
      items.push({ index, label, pixels: Array.from(pixels) })
    }
    matched++
  }
  return { total: matched, page, pageSize, items }
}

/** The map from raw pixel values to scaled ones, fitted on the training split only. */
export function scalingFunction(scaling: Scaling, stats: ValueStats): (value: number) => number {
  // A constant image set would divide by zero; leave its values where they are instead.
  const range = stats.max - stats.min || 1
  const std = stats.std || 1
  switch (scaling) {
    case 'none':
      return (v) => v
    case 'unit':
      return (v) => (v - stats.min) / range
    case 'symmetric':
      return (v) => (2 * (v - stats.min)) / range - 1
    case 'standardize':
      return (v) => (v - stats.mean) / std
  }
}

/**
 * Histogram of values after `scale`, in `bins` equal bins from the smallest to
 * the largest scaled value. Exact: it maps each of the 256 raw values once.
 */
export function histogram(
  counts: ValueCounts,
  scale: (value: number) => number,
  bins: number
): IntensityHistogram {
  const raw = statsOf(counts)
  const min = scale(raw.min)
  const max = scale(raw.max)
  const width = (max - min) / bins || 1
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width))
  const binCounts = new Array<number>(bins).fill(0)
  for (let v = 0; v < counts.length; v++) {
    if (counts[v] === 0) continue
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((scale(v) - min) / width)))
    binCounts[bin] += counts[v]
  }
  return { min, max, edges, counts: binCounts }
}

export const defaultHistogramBins = 32

/** Pixel intensities of the training split before and after the chosen scaling. */
export function scalingReport(
  dataset: LoadedDataset,
  scaling: Scaling,
  bins = defaultHistogramBins
): ScalingReport {
  const counts = valueCounts(dataset.train.images)
  const stats = statsOf(counts)
  return {
    scaling,
    before: histogram(counts, (v) => v, bins),
    after: histogram(counts, scalingFunction(scaling, stats), bins),
    mean: stats.mean,
    std: stats.std
  }
}

const classImagesMemo = new WeakMap<LoadedDataset, ClassImages>()

/**
 * Mean image of each class and the per-pixel standard deviation, over the
 * training split. Memoized: it visits every pixel (47 million for MNIST).
 */
export function classImages(dataset: LoadedDataset): ClassImages {
  const memo = classImagesMemo.get(dataset)
  if (memo) return memo
  const { images, labels, count } = dataset.train
  // A local copy: an imported binding can compile to a getter call per step.
  const size = IMAGE_SIZE
  const classCount = dataset.classNames.length
  const sums = new Float64Array(classCount * size)
  const squares = new Float64Array(size)
  for (let i = 0; i < count; i++) {
    const base = labels[i] * size
    const offset = i * size
    for (let p = 0; p < size; p++) {
      const v = images[offset + p]
      sums[base + p] += v
      squares[p] += v * v
    }
  }
  const perClass = classCounts(labels, classCount)
  const mean = perClass.map((n, c) =>
    Array.from(sums.subarray(c * size, (c + 1) * size), (s) => (n > 0 ? s / n : 0))
  )
  const std = Array.from(squares, (square, p) => {
    let total = 0
    for (let c = 0; c < classCount; c++) total += sums[c * size + p]
    const m = total / count
    // E[x²] - E[x]² can dip a hair below zero in floating point.
    return Math.sqrt(Math.max(0, square / count - m * m))
  })
  const result = { mean, std }
  classImagesMemo.set(dataset, result)
  return result
}
