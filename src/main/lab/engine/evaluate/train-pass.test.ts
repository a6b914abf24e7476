import { describe, expect, it } from 'vitest'
import { stratifiedRows, trainPassSet } from './train-pass'

/** 30,000 labels: class 0 is 10%, class 1 30%, class 2 60%. */
function skewedLabels(): Uint8Array {
  const labels = new Uint8Array(30_000)
  labels.fill(1, 3_000, 12_000)
  labels.fill(2, 12_000)
  return labels
}

describe('the train pass set', () => {
  it('keeps a split of up to 10,000 images whole', () => {
    const split = {
      x: new Float32Array(4 * 2),
      labels: new Uint8Array([0, 1, 1, 0]),
      count: 4,
      inputSize: 2
    }
    expect(trainPassSet(split, 1, 4)).toEqual({ split, whole: true })
    expect(stratifiedRows(new Uint8Array(10_000), 10_000, 1)).toBeNull()
  })

  it('draws a fixed subset of a larger split with each class at its share', () => {
    const labels = skewedLabels()
    const rows = stratifiedRows(labels, 10_000, 7)!
    expect(rows).toHaveLength(10_000)
    expect(new Set(rows).size).toBe(10_000)
    const counts = [0, 0, 0]
    for (const row of rows) counts[labels[row]!]!++
    expect(counts).toEqual([1_000, 3_000, 6_000])
    // The same seed gives the same rows, so every epoch measures the same images.
    expect(stratifiedRows(labels, 10_000, 7)).toEqual(rows)
    expect(stratifiedRows(labels, 10_000, 8)).not.toEqual(rows)
  })

  it('rounds the quotas so they add up to the limit', () => {
    // Three equal classes of 10 rows: 7 rows cannot split evenly.
    const labels = new Uint8Array(30).map((_, i) => i % 3)
    const rows = stratifiedRows(labels, 7, 3)!
    const counts = [0, 0, 0]
    for (const row of rows) counts[labels[row]!]!++
    expect(counts.reduce((a, b) => a + b)).toBe(7)
    expect(Math.max(...counts) - Math.min(...counts)).toBe(1)
  })

  it('copies the chosen rows with their labels', () => {
    const x = Float32Array.from({ length: 6 * 2 }, (_, i) => i)
    const split = { x, labels: new Uint8Array([0, 0, 0, 1, 1, 1]), count: 6, inputSize: 2 }
    const set = trainPassSet(split, 4, 2)
    expect(set.whole).toBe(false)
    expect(set.split.count).toBe(2)
    expect([...set.split.labels].sort()).toEqual([0, 1])
    for (let i = 0; i < 2; i++) {
      const row = set.split.x[i * 2]! / 2
      expect(set.split.labels[i]).toBe(split.labels[row])
      expect(set.split.x[i * 2 + 1]).toBe(row * 2 + 1)
    }
  })
})
