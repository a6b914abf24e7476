import { describe, expect, it } from 'vitest'
import { DecimatedSeries, EmaSmoother, frameThrottle, type Point } from './series'

describe('EmaSmoother', () => {
  it('starts at the first value thanks to bias correction', () => {
    const ema = new EmaSmoother(0.9)
    expect(ema.next(2.3)).toBeCloseTo(2.3, 12)
  })

  it('matches a hand-worked debiased average', () => {
    // Worked by hand with weight 0.5:
    // a1 = 0.5*0 + 0.5*4 = 2, debiased 2 / (1 - 0.5) = 4
    // a2 = 0.5*2 + 0.5*2 = 2, debiased 2 / (1 - 0.25) = 2.6667
    const ema = new EmaSmoother(0.5)
    expect(ema.next(4)).toBeCloseTo(4, 12)
    expect(ema.next(2)).toBeCloseTo(8 / 3, 12)
  })

  it('returns values unchanged with weight 0 and skips non-finite values', () => {
    const plain = new EmaSmoother(0)
    expect(plain.next(3)).toBe(3)
    expect(plain.next(1)).toBe(1)
    const ema = new EmaSmoother(0.6)
    ema.next(1)
    expect(ema.next(Number.NaN)).toBeNaN()
    expect(ema.next(1)).toBeCloseTo(1, 12)
  })

  it('rejects weights outside [0, 1)', () => {
    expect(() => new EmaSmoother(1)).toThrow(RangeError)
    expect(() => new EmaSmoother(-0.1)).toThrow(RangeError)
  })
})

describe('DecimatedSeries', () => {
  const fill = (series: DecimatedSeries, n: number): void => {
    for (let x = 0; x < n; x += 1) series.push({ x, y: x * 2 })
  }

  it('keeps every point while there is room', () => {
    const series = new DecimatedSeries(10)
    fill(series, 10)
    expect(series.points().map((p) => p.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(series.count).toBe(10)
  })

  it('stays bounded and evenly spread over a long run, always ending at the newest point', () => {
    const series = new DecimatedSeries(100)
    fill(series, 100_000)
    const points = series.points()
    expect(points.length).toBeLessThanOrEqual(101)
    expect(points.length).toBeGreaterThan(50)
    expect(points[0].x).toBe(0)
    expect(points[points.length - 1]).toEqual({ x: 99_999, y: 199_998 })
    const gaps = new Set(
      points.slice(0, -1).map((p, i, all) => (all[i + 1] ? all[i + 1].x - p.x : 0))
    )
    gaps.delete(0)
    expect(gaps.size).toBe(1)
  })

  it('does not repeat the newest point when it was kept', () => {
    const series = new DecimatedSeries(4)
    fill(series, 5)
    const xs = series.points().map((p: Point) => p.x)
    expect(new Set(xs).size).toBe(xs.length)
    expect(xs[xs.length - 1]).toBe(4)
  })

  it('clears', () => {
    const series = new DecimatedSeries(4)
    fill(series, 9)
    series.clear()
    expect(series.points()).toEqual([])
    expect(series.last).toBeNull()
    fill(series, 3)
    expect(series.points().map((p) => p.x)).toEqual([0, 1, 2])
  })
})

describe('frameThrottle', () => {
  it('runs once per frame however often it is scheduled', () => {
    const frames: (() => void)[] = []
    let runs = 0
    const schedule = frameThrottle(
      () => (runs += 1),
      (callback) => frames.push(callback)
    )
    schedule()
    schedule()
    schedule()
    expect(frames).toHaveLength(1)
    frames.shift()?.()
    expect(runs).toBe(1)
    schedule()
    expect(frames).toHaveLength(1)
  })
})
