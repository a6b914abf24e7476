/**
 * The epoch's train figures measured as the seed measures them
 * (`compute_average_loss`): one pass without gradients, dropout off, after the
 * epoch. The running mean over the epoch mixes weights from its start and its
 * end, so after epoch 1 it can sit far below the test accuracy.
 */
import type { PreparedSplit } from '../data/batches'
import { mixSeed, permutation } from '../rng'

/** Splits up to this size are measured whole; larger ones on a fixed stratified subset of it. */
export const trainPassLimit = 10_000

export interface TrainPassSet {
  split: PreparedSplit
  /** True when the pass covers the whole train split. */
  whole: boolean
}

/**
 * The rows the pass measures: all of them, or `limit` rows drawn from a seeded
 * shuffle with each class's share kept (largest remainders round the quotas),
 * in ascending order. Fixed for a run, so epochs compare like with like.
 */
export function stratifiedRows(labels: Uint8Array, limit: number, seed: number): Int32Array | null {
  const count = labels.length
  if (count <= limit) return null
  const perClass = new Map<number, number>()
  for (const label of labels) perClass.set(label, (perClass.get(label) ?? 0) + 1)
  const quotas = new Map<number, number>()
  const remainders: { label: number; rest: number }[] = []
  let given = 0
  for (const [label, n] of perClass) {
    const exact = (limit * n) / count
    quotas.set(label, Math.floor(exact))
    given += Math.floor(exact)
    remainders.push({ label, rest: exact - Math.floor(exact) })
  }
  remainders.sort((a, b) => b.rest - a.rest || a.label - b.label)
  for (let i = 0; given < limit; i++, given++) {
    const { label } = remainders[i]!
    quotas.set(label, quotas.get(label)! + 1)
  }
  const rows = new Int32Array(limit)
  let taken = 0
  for (const row of permutation(count, mixSeed(seed, 0x7e5a))) {
    const label = labels[row]!
    const left = quotas.get(label)!
    if (left === 0) continue
    quotas.set(label, left - 1)
    rows[taken++] = row
    if (taken === limit) break
  }
  return rows.sort()
}

/** The set a run's train pass measures, chosen once before the first epoch. */
export function trainPassSet(
  train: PreparedSplit,
  seed: number,
  limit = trainPassLimit
): TrainPassSet {
  const rows = stratifiedRows(train.labels, limit, seed)
  if (!rows) return { split: train, whole: true }
  const width = train.inputSize
  const x = new Float32Array(rows.length * width)
  const labels = new Uint8Array(rows.length)
  rows.forEach((row, i) => {
    x.set(train.x.subarray(row * width, (row + 1) * width), i * width)
    labels[i] = train.labels[row]!
  })
  return { split: { x, labels, count: rows.length, inputSize: width }, whole: false }
}
