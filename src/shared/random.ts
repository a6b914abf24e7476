/**
 * A small seeded generator (mulberry32): shuffles, dropout seeds and augmentation
 * draws must repeat exactly for a given run seed, which Math.random cannot do.
 * Pure, so the engine and the renderer's previews draw the same numbers.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
