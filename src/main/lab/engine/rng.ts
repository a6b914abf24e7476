import { seededRandom } from '../../../shared/random'

/** The run's seeded generator; it lives in shared/ because augmentation draws with it too. */
export { seededRandom }

/** Mixes several integers into one seed, so (run seed, epoch, layer) streams do not overlap. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193) >>> 0
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0
  }
  return h % 2147483647
}

/** 0..n-1 in an order fixed by the seed (Fisher-Yates). */
export function permutation(n: number, seed: number): Int32Array {
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  const random = seededRandom(seed)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = order[i]!
    order[i] = order[j]!
    order[j] = swap
  }
  return order
}
