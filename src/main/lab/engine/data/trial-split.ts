/**
 * The split a search trial is judged on. A search must never choose by the
 * test split, so a trial trains on part of the train split and reports the
 * rest where a run reports its test figures. This stands in for the
 * validation split of the Regularize step until that is in the engine; then
 * trials should use it and this file goes.
 */
import type { RawSplit } from './batches'
import { imagePixels as imageSize } from '../../../../shared/image'
import { mixSeed, permutation } from '../rng'

/** The share of the train split held out for validation (5,000 of MNIST's 60,000 would be 8%). */
export const trialValidationShare = 0.15

function rowsOf(split: RawSplit, rows: Int32Array): RawSplit {
  const images = new Uint8Array(rows.length * imageSize)
  const labels = new Uint8Array(rows.length)
  rows.forEach((row, i) => {
    images.set(split.images.subarray(row * imageSize, (row + 1) * imageSize), i * imageSize)
    labels[i] = split.labels[row]!
  })
  return { images, labels, count: rows.length }
}

/** Train minus a seeded held-out share, and that share in the place of the test split. */
export function validationAsTest<D extends { train: RawSplit; test: RawSplit }>(
  dataset: D,
  seed: number
): D {
  const order = permutation(dataset.train.count, mixSeed(seed, 0x7a1d))
  const held = Math.max(1, Math.round(dataset.train.count * trialValidationShare))
  return {
    ...dataset,
    train: rowsOf(dataset.train, order.subarray(held)),
    test: rowsOf(dataset.train, order.subarray(0, held))
  }
}
