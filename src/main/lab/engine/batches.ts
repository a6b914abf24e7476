/**
 * Training data as the loop wants it: pixels scaled once into one Float32Array,
 * and batches gathered by plain row copies into reused buffers. Scaling per
 * batch in JavaScript cost more than the first layer's matMul (measured 0.7 ms).
 */
import type { Scaling } from '../../../shared/contract'
import { permutation, mixSeed } from './rng'

export const imageSize = 784

export interface RawSplit {
  images: Uint8Array
  labels: Uint8Array
  count: number
}

export interface PreparedSplit {
  /** count x inputSize, scaled. */
  x: Float32Array
  labels: Uint8Array
  count: number
  inputSize: number
}

export interface ScalingStats {
  mean: number
  std: number
}

/** Mean and standard deviation of all pixels in raw units, for 'standardize'. */
export function pixelStats(images: Uint8Array): ScalingStats {
  const histogram = new Float64Array(256)
  for (let i = 0; i < images.length; i++) histogram[images[i]!]!++
  let sum = 0
  let squares = 0
  for (let v = 0; v < 256; v++) {
    sum += v * histogram[v]!
    squares += v * v * histogram[v]!
  }
  const n = Math.max(1, images.length)
  const mean = sum / n
  const std = Math.sqrt(Math.max(0, squares / n - mean * mean))
  return { mean, std: std > 0 ? std : 1 }
}

/** What each raw byte becomes: a 256-entry table, so scaling is one lookup per pixel. */
export function scalingTable(scaling: Scaling, stats: ScalingStats): Float32Array {
  const table = new Float32Array(256)
  for (let v = 0; v < 256; v++) {
    switch (scaling) {
      case 'none':
        table[v] = v
        break
      case 'unit':
        table[v] = v / 255
        break
      case 'symmetric':
        table[v] = v / 127.5 - 1
        break
      case 'standardize':
        table[v] = (v - stats.mean) / stats.std
        break
    }
  }
  return table
}

/** Scales the given rows (all when rows is null) of a split into a new PreparedSplit. */
export function prepareSplit(
  split: RawSplit,
  table: Float32Array,
  rows: Int32Array | null = null,
  inputSize = imageSize
): PreparedSplit {
  const count = rows ? rows.length : split.count
  const x = new Float32Array(count * inputSize)
  const labels = new Uint8Array(count)
  for (let r = 0; r < count; r++) {
    const source = rows ? rows[r]! : r
    const from = source * inputSize
    const to = r * inputSize
    for (let j = 0; j < inputSize; j++) x[to + j] = table[split.images[from + j]!]!
    labels[r] = split.labels[source]!
  }
  return { x, labels, count, inputSize }
}

/** The rows trained on: all, or the first trainLimit of a seeded shuffle (so classes stay mixed). */
export function trainRows(
  count: number,
  trainLimit: number | null,
  seed: number
): Int32Array | null {
  if (trainLimit === null || trainLimit >= count) return null
  return permutation(count, mixSeed(seed, 0x7a11)).slice(0, trainLimit)
}

/** The order of one epoch: a fresh seeded shuffle per epoch, so a resumed run sees the same order. */
export function epochOrder(
  count: number,
  shuffle: boolean,
  seed: number,
  epoch: number
): Int32Array {
  if (shuffle) return permutation(count, mixSeed(seed, epoch))
  const order = new Int32Array(count)
  for (let i = 0; i < count; i++) order[i] = i
  return order
}

export interface Batch {
  /** size x inputSize, row-major; a view into a reused buffer. */
  x: Float32Array
  /** size x classes one-hot, a view into a reused buffer. */
  oneHot: Float32Array
  labels: Int32Array
  size: number
}

/** Fills reused buffers with one batch: row copies, no per-pixel work. */
export class BatchGatherer {
  private readonly x: Float32Array
  private readonly oneHot: Float32Array
  private readonly labels: Int32Array

  constructor(
    private readonly split: PreparedSplit,
    private readonly batchSize: number,
    private readonly classes: number
  ) {
    this.x = new Float32Array(batchSize * split.inputSize)
    this.oneHot = new Float32Array(batchSize * classes)
    this.labels = new Int32Array(batchSize)
  }

  gather(order: Int32Array, start: number): Batch {
    const size = Math.min(this.batchSize, order.length - start)
    const width = this.split.inputSize
    this.oneHot.fill(0, 0, size * this.classes)
    for (let b = 0; b < size; b++) {
      const row = order[start + b]!
      this.x.set(this.split.x.subarray(row * width, (row + 1) * width), b * width)
      const label = this.split.labels[row]!
      this.labels[b] = label
      this.oneHot[b * this.classes + label] = 1
    }
    return {
      x: this.x.subarray(0, size * width),
      oneHot: this.oneHot.subarray(0, size * this.classes),
      labels: this.labels.subarray(0, size),
      size
    }
  }
}
