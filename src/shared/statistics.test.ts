import { describe, expect, it } from 'vitest'
import reference from './testing/statistics-reference.json'
import { disagreements, mcnemarExact, meanAndSpread, wilsonInterval } from './statistics'

describe('wilsonInterval', () => {
  it.each(reference.wilson95)('matches SciPy for $successes of $trials', (c) => {
    const interval = wilsonInterval(c.successes, c.trials)
    expect(interval.low).toBeCloseTo(c.low, 10)
    expect(interval.high).toBeCloseTo(c.high, 10)
  })

  it('refuses counts that cannot be', () => {
    expect(() => wilsonInterval(5, 0)).toThrow(/trials > 0/)
    expect(() => wilsonInterval(11, 10)).toThrow(/between 0 and the trials/)
    expect(() => wilsonInterval(2.5, 10)).toThrow(/whole counts/)
  })
})

describe('mcnemarExact', () => {
  it.each(reference.mcnemarExact)('matches SciPy for b=$b, c=$c', (c) => {
    expect(mcnemarExact({ onlyA: c.b, onlyB: c.c })).toBeCloseTo(c.p, 10)
  })

  it('stays finite and tiny for thousands of one-sided disagreements', () => {
    const p = mcnemarExact({ onlyA: 2000, onlyB: 1500 })
    expect(p).toBeGreaterThan(0)
    expect(p).toBeLessThan(1e-15)
  })
})

describe('disagreements', () => {
  it('counts the images only one model gets right', () => {
    const labels = [0, 1, 2, 3, 4, 5]
    const a = [0, 1, 2, 9, 9, 5] // right on 0, 1, 2, 5
    const b = [0, 9, 2, 3, 9, 9] // right on 0, 2, 3
    expect(disagreements(labels, a, b)).toEqual({ onlyA: 2, onlyB: 1 })
  })

  it('refuses predictions on different images', () => {
    expect(() => disagreements([0, 1], [0], [0, 1])).toThrow(/same images/)
  })
})

describe('meanAndSpread', () => {
  it('gives the sample standard deviation', () => {
    // numpy.std([0.90, 0.92, 0.94], ddof=1) = 0.02
    const s = meanAndSpread([0.9, 0.92, 0.94])
    expect(s.mean).toBeCloseTo(0.92, 12)
    expect(s.sd).toBeCloseTo(0.02, 12)
    expect(meanAndSpread([0.5]).sd).toBe(0)
  })
})
