import { describe, expect, it } from 'vitest'
import type { LoadedDataset } from '../../datasets/load'
import {
  classImages,
  computeFacts,
  histogram,
  imbalanceRatio,
  samplePage,
  scalingReport
} from './explore'
import { imagePixels as size } from '../../../../shared/image'
import { valueCounts } from '../../../../shared/scaling'

/** Images that are flat grey at the given values. */
function flat(values: number[]): Uint8Array {
  const images = new Uint8Array(values.length * size)
  values.forEach((v, i) => images.fill(v, i * size, (i + 1) * size))
  return images
}

/** Hand-worked: train = 0, 100 (class a), 200 (class b); test = 50 (class b). */
const dataset: LoadedDataset = {
  id: 'hand',
  name: 'Hand-worked',
  classNames: ['a', 'b'],
  splitNote: 'by hand',
  train: { images: flat([0, 100, 200]), labels: Uint8Array.from([0, 0, 1]), count: 3 },
  test: { images: flat([50]), labels: Uint8Array.from([1]), count: 1 }
}
// Train pixels: mean 100, population std sqrt((100² + 0 + 100²) / 3).
const trainStd = Math.sqrt(20000 / 3)

describe('computeFacts', () => {
  it('reports sizes, range, class counts, imbalance and mean', () => {
    const facts = computeFacts(dataset)
    expect(facts.counts).toEqual({ train: 3, test: 1, total: 4 })
    expect(facts.imageShape).toEqual([28, 28])
    expect(facts.inputSize).toBe(784)
    expect(facts.storage.dtype).toBe('uint8')
    expect(facts.valueRange).toEqual({ min: 0, max: 200 })
    expect(facts.classCounts).toEqual({ train: [2, 1], test: [0, 1] })
    expect(facts.imbalanceRatio.train).toBe(2)
    expect(facts.meanPixel).toBe(87.5)
    expect(facts.labelType).toContain('0-1')
  })

  it('keeps the imbalance ratio finite when a class is empty', () => {
    expect(imbalanceRatio([0, 7])).toBe(7)
    expect(imbalanceRatio([5, 5])).toBe(1)
  })
})

describe('samplePage', () => {
  it('filters by class and pages through the matches', () => {
    const page = samplePage(dataset, { split: 'train', classFilter: 0, page: 1, pageSize: 1 })
    expect(page.total).toBe(2)
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ index: 1, label: 0 })
    expect(page.items[0].pixels).toHaveLength(784)
    expect(page.items[0].pixels[0]).toBe(100)
  })

  it('returns an empty page past the end', () => {
    const page = samplePage(dataset, { split: 'test', classFilter: null, page: 3, pageSize: 25 })
    expect(page).toMatchObject({ total: 1, items: [] })
  })
})

describe('scalingReport', () => {
  it('leaves raw values alone for none', () => {
    const report = scalingReport(dataset, 'none', 4)
    expect(report.before.edges).toEqual([0, 50, 100, 150, 200])
    expect(report.before.counts).toEqual([784, 0, 784, 784])
    expect(report.after).toEqual(report.before)
    expect(report.mean).toBe(100)
    expect(report.std).toBeCloseTo(trainStd, 10)
  })

  it('maps to [0, 1] and [-1, 1] with min-max, keeping the shape', () => {
    const unit = scalingReport(dataset, 'unit', 4)
    expect(unit.after.edges).toEqual([0, 0.25, 0.5, 0.75, 1])
    expect(unit.after.counts).toEqual(unit.before.counts)
    const symmetric = scalingReport(dataset, 'symmetric', 4).after
    expect([symmetric.min, symmetric.max]).toEqual([-1, 1])
    expect(symmetric.edges).toEqual([-1, -0.5, 0, 0.5, 1])
  })

  it('standardizes to mean 0 and standard deviation 1', () => {
    const after = scalingReport(dataset, 'standardize', 4).after
    expect(after.min).toBeCloseTo(-100 / trainStd, 10)
    expect(after.max).toBeCloseTo(100 / trainStd, 10)
    expect(after.counts).toEqual([784, 0, 784, 784])
  })

  it('bins a value on an inner edge into the upper bin', () => {
    const counts = valueCounts(Uint8Array.from([0, 1, 2, 3, 4]))
    expect(histogram(counts, (v) => v, 2).counts).toEqual([2, 3])
  })
})

describe('classImages', () => {
  it('averages each class and measures per-pixel spread', () => {
    const { mean, std } = classImages(dataset)
    expect(mean).toHaveLength(2)
    expect(mean[0].every((v) => v === 50)).toBe(true)
    expect(mean[1].every((v) => v === 200)).toBe(true)
    expect(std).toHaveLength(784)
    expect(std[0]).toBeCloseTo(trainStd, 10)
  })
})
