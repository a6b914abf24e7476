/**
 * Input scaling: the one formula Explore shows, training applies, and
 * evaluation and prediction repeat. Every scaling is fitted on the training
 * split's pixels (min, max, mean, std), so a drawn digit is scaled exactly as
 * the images the model learned from. For MNIST (pixels span 0-255) 'unit' is
 * v/255, as in the seed notebook.
 */
import type { Scaling } from './contract/datasets'
import { maxPixelValue } from './image'

/** How often each byte value 0..255 occurs. */
export type ValueCounts = Float64Array

/** Statistics of raw pixel values (0..255), as the scalings are fitted on them. */
export interface PixelStats {
  min: number
  max: number
  mean: number
  /** Population standard deviation. */
  std: number
  /** How many pixels were counted. */
  n: number
}

const valueCountsMemo = new WeakMap<Uint8Array, ValueCounts>()

/** Counts per byte value. Memoized per array: scanning MNIST's 47 MB is the slow part. */
export function valueCounts(pixels: Uint8Array): ValueCounts {
  const memo = valueCountsMemo.get(pixels)
  if (memo) return memo
  const counts = new Float64Array(maxPixelValue + 1)
  for (let i = 0; i < pixels.length; i++) counts[pixels[i]!]!++
  valueCountsMemo.set(pixels, counts)
  return counts
}

export function pixelStats(counts: ArrayLike<number>): PixelStats {
  let min = Infinity
  let max = -Infinity
  let n = 0
  let sum = 0
  for (let v = 0; v < counts.length; v++) {
    if (counts[v] === 0) continue
    min = Math.min(min, v)
    max = Math.max(max, v)
    n += counts[v]!
    sum += v * counts[v]!
  }
  const mean = n > 0 ? sum / n : 0
  let squares = 0
  for (let v = 0; v < counts.length; v++) squares += counts[v]! * (v - mean) ** 2
  return {
    min: n > 0 ? min : 0,
    max: n > 0 ? max : 0,
    mean,
    std: n > 0 ? Math.sqrt(squares / n) : 0,
    n
  }
}

/** The map from a raw pixel value to the network's input. */
export function scaleFunction(scaling: Scaling, stats: PixelStats): (value: number) => number {
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

/** What each byte becomes, as a 256-entry table: scaling is then one lookup per pixel. */
export function scalingTable(scaling: Scaling, stats: PixelStats): Float32Array {
  const scale = scaleFunction(scaling, stats)
  const table = new Float32Array(maxPixelValue + 1)
  for (let v = 0; v <= maxPixelValue; v++) table[v] = scale(v)
  return table
}

/** The table a run uses: `scaling` fitted on its dataset's training images. */
export function fittedScalingTable(scaling: Scaling, trainImages: Uint8Array): Float32Array {
  return scalingTable(scaling, pixelStats(valueCounts(trainImages)))
}
