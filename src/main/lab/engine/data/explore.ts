/**
 * What the Explore tab shows, computed from a loaded dataset. Pure functions of
 * their inputs (the memos only remember results for the same arrays), so the CLI
 * and tests call them without an engine process.
 */
import { imagePixels, imageSide } from '../../../../shared/image'
import type {
  ClassImages,
  DatasetFacts,
  IntensityHistogram,
  SamplePage,
  Scaling,
  ScalingReport,
  Split
} from '../../../../shared/contract'
import {
  pixelStats,
  scaleFunction,
  valueCounts,
  type ValueCounts
} from '../../../../shared/scaling'
import type { LoadedDataset, SplitData } from '../../datasets/load'

/** Pixels are uint8: one count per possible value says everything about their distribution. */
function addCounts(a: ValueCounts, b: ValueCounts): ValueCounts {
  return a.map((count, value) => count + b[value])
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
  const all = pixelStats(addCounts(valueCounts(train.images), valueCounts(test.images)))
  const trainClasses = classCounts(train.labels, classNames.length)
  const testClasses = classCounts(test.labels, classNames.length)
  return {
    id: dataset.id,
    name: dataset.name,
    counts: { train: train.count, test: test.count, total: train.count + test.count },
    imageShape: [imageSide, imageSide],
    inputSize: imagePixels,
    storage: {
      container: `IDX file, held as one Uint8Array per split (${imagePixels} bytes per image, row by row)`,
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
      const pixels = data.images.subarray(index * imagePixels, (index + 1) * imagePixels)
      items.push({ index, label, pixels: Array.from(pixels) })
    }
    matched++
  }
  return { total: matched, page, pageSize, items }
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
  const raw = pixelStats(counts)
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
  const stats = pixelStats(counts)
  return {
    scaling,
    before: histogram(counts, (v) => v, bins),
    after: histogram(counts, scaleFunction(scaling, stats), bins),
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
  const size = imagePixels
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
