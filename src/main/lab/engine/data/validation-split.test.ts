import { describe, expect, it } from 'vitest'
import { mnistSample } from '../testing/mnist-sample'
import { stratifiedSplit, validationCount } from './validation-split'

function classCounts(labels: ArrayLike<number>, rows: Int32Array): number[] {
  const counts = new Array<number>(10).fill(0)
  for (const row of rows) counts[labels[row]!]!++
  return counts
}

describe('stratifiedSplit', () => {
  const sample = mnistSample()
  const labels = sample.train.labels

  it('holds out the requested share of every class', () => {
    const { train, validation } = stratifiedSplit(labels, 0.1, 7)
    expect(validation.length).toBe(validationCount(labels.length, 0.1))
    expect(train.length + validation.length).toBe(labels.length)
    const all = classCounts(
      labels,
      Int32Array.from({ length: labels.length }, (_, i) => i)
    )
    const held = classCounts(labels, validation)
    all.forEach((n, c) => expect(Math.abs(held[c]! - n * 0.1)).toBeLessThan(1))
  })

  it('never puts a row in both parts, and only indexes the train split', () => {
    const { train, validation } = stratifiedSplit(labels, 0.25, 3)
    const seen = new Set<number>()
    for (const row of [...train, ...validation]) {
      expect(seen.has(row)).toBe(false)
      seen.add(row)
      expect(row).toBeGreaterThanOrEqual(0)
      expect(row).toBeLessThan(labels.length)
    }
    expect(seen.size).toBe(labels.length)
  })

  it('shares no image with the test split', () => {
    const { validation } = stratifiedSplit(labels, 0.1, 1)
    const testImages = new Set<string>()
    for (let r = 0; r < sample.test.count; r++) {
      testImages.add(
        Buffer.from(sample.test.images.subarray(r * 784, (r + 1) * 784)).toString('base64')
      )
    }
    const shared = [...validation].filter((row) =>
      testImages.has(
        Buffer.from(sample.train.images.subarray(row * 784, (row + 1) * 784)).toString('base64')
      )
    )
    expect(shared).toEqual([])
  })

  it('is the same for the same seed and differs for another', () => {
    const a = stratifiedSplit(labels, 0.1, 42).validation
    const b = stratifiedSplit(labels, 0.1, 42).validation
    const c = stratifiedSplit(labels, 0.1, 43).validation
    expect([...a]).toEqual([...b])
    expect([...a]).not.toEqual([...c])
  })

  it('holds out nothing at fraction 0 and keeps rounding exact for tiny splits', () => {
    expect(stratifiedSplit(labels, 0, 1).validation.length).toBe(0)
    const tiny = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3]
    const { validation } = stratifiedSplit(tiny, 0.3, 5)
    expect(validation.length).toBe(validationCount(tiny.length, 0.3))
  })
})
