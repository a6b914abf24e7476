import { describe, expect, it } from 'vitest'
import { fittedScalingTable, pixelStats, scaleFunction, scalingTable, valueCounts } from './scaling'

/** Pixels that span the full byte range 0-255, as MNIST's do. */
const fullRange = Uint8Array.from({ length: 256 }, (_, v) => v)
/** Pixels of a dataset that only uses 10-110 (a faint scan, say). */
const faint = Uint8Array.from({ length: 101 }, (_, i) => 10 + i)

describe('input scaling', () => {
  it("is the seed notebook's v/255 for 'unit' on data that spans 0-255", () => {
    const table = fittedScalingTable('unit', fullRange)
    for (const v of [0, 1, 128, 254, 255]) expect(table[v]).toBeCloseTo(v / 255, 7)
  })

  it('fits min-max on the training pixels, so a faint dataset still fills [0, 1] and [-1, 1]', () => {
    const stats = pixelStats(valueCounts(faint))
    expect(stats).toMatchObject({ min: 10, max: 110, n: 101 })
    expect(scaleFunction('unit', stats)(10)).toBe(0)
    expect(scaleFunction('unit', stats)(110)).toBe(1)
    expect(scaleFunction('symmetric', stats)(10)).toBe(-1)
    expect(scaleFunction('symmetric', stats)(60)).toBe(0)
    expect(scaleFunction('none', stats)(60)).toBe(60)
  })

  it('standardizes with the population mean and standard deviation of the training pixels', () => {
    const stats = pixelStats(valueCounts(Uint8Array.from([0, 0, 10, 10])))
    expect(stats.mean).toBe(5)
    expect(stats.std).toBe(5)
    expect(scaleFunction('standardize', stats)(10)).toBe(1)
  })

  it('leaves constant images where they are instead of dividing by zero', () => {
    const stats = pixelStats(valueCounts(new Uint8Array(8).fill(7)))
    for (const scaling of ['unit', 'symmetric', 'standardize'] as const) {
      expect(Number.isFinite(scaleFunction(scaling, stats)(7))).toBe(true)
    }
  })

  it('builds the per-byte table from the same formula', () => {
    const stats = pixelStats(valueCounts(faint))
    const table = scalingTable('symmetric', stats)
    const scale = scaleFunction('symmetric', stats)
    for (let v = 0; v < 256; v++) expect(table[v]).toBeCloseTo(scale(v), 6)
  })
})
