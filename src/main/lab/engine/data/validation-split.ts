/**
 * The validation split: rows of the train split held out, stratified by class
 * and fixed by the seed, so the same dataset and seed always hold out the same
 * images (a learning curve's fractions are then judged on one validation set).
 * It only ever indexes the train split, so it cannot share an image with test.
 */
import { mixSeed, permutation } from '../rng'

export interface TrainValidationRows {
  /** Rows of the train split left to train on, in ascending order. */
  train: Int32Array
  /** Rows held out for validation, in ascending order. */
  validation: Int32Array
}

/** How many of `count` rows a fraction holds out; the host sizes run records with it. */
export function validationCount(count: number, fraction: number): number {
  return Math.round(count * fraction)
}

/**
 * Holds out validationCount(labels.length, fraction) rows. Each class gives its
 * share, rounded by largest remainder so the total is exact and every class is
 * represented in proportion (within one image).
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  fraction: number,
  seed: number
): TrainValidationRows {
  const count = labels.length
  const byClass = new Map<number, number[]>()
  for (let row = 0; row < count; row++) {
    const label = labels[row]!
    const rows = byClass.get(label)
    if (rows) rows.push(row)
    else byClass.set(label, [row])
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b)
  const target = validationCount(count, fraction)
  const exact = classes.map((c) => byClass.get(c)!.length * fraction)
  const share = exact.map(Math.floor)
  let left = target - share.reduce((a, b) => a + b, 0)
  // Largest remainders first; ties to the lower class, so the result is fixed.
  const byRemainder = classes
    .map((_, i) => i)
    .sort((a, b) => exact[b]! - share[b]! - (exact[a]! - share[a]!) || a - b)
  for (const i of byRemainder) {
    if (left <= 0) break
    share[i]!++
    left--
  }
  const held = new Uint8Array(count)
  classes.forEach((label, i) => {
    const rows = byClass.get(label)!
    const order = permutation(rows.length, mixSeed(seed, 0x7a1d, label))
    for (let k = 0; k < share[i]!; k++) held[rows[order[k]!]!] = 1
  })
  const train = new Int32Array(count - target)
  const validation = new Int32Array(target)
  let t = 0
  let v = 0
  for (let row = 0; row < count; row++) {
    if (held[row]) validation[v++] = row
    else train[t++] = row
  }
  return { train, validation }
}
