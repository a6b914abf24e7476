/**
 * Pure helpers behind the live training charts: loss smoothing, and series
 * that stay bounded in memory however long a run lasts.
 */

export interface Point {
  x: number
  y: number
}

/**
 * Exponential moving average with bias correction. Without the correction the
 * first smoothed values start near 0 and the curve would rise before it falls,
 * which would mislead exactly the learner who checks the loss at init.
 */
export class EmaSmoother {
  private average = 0
  private count = 0

  /** weight in [0, 1): how much of the past each new value keeps (0 means no smoothing). */
  constructor(readonly weight: number) {
    if (!(weight >= 0 && weight < 1)) throw new RangeError('EMA weight must be in [0, 1).')
  }

  /** Folds one value in and returns the smoothed value; NaN and infinities pass through unfolded. */
  next(value: number): number {
    if (!Number.isFinite(value)) return value
    this.count += 1
    this.average = this.weight * this.average + (1 - this.weight) * value
    return this.average / (1 - this.weight ** this.count)
  }

  reset(): void {
    this.average = 0
    this.count = 0
  }
}

/** What a chart reads from a live series; an interface so stores can expose it unwrapped. */
export interface BoundedSeries {
  push(point: Point): void
  points(): Point[]
  readonly count: number
  readonly last: Point | null
  clear(): void
}

/**
 * A series that keeps at most maxPoints points. When it fills up it drops every
 * other point and from then on keeps only every 2nd (4th, 8th, ...) incoming
 * point, so the kept points stay evenly spread over the whole run. The newest
 * point is always shown, so a live curve never lags behind the progress bar.
 */
export class DecimatedSeries implements BoundedSeries {
  private kept: Point[] = []
  private newest: Point | null = null
  private stride = 1
  private received = 0

  constructor(readonly maxPoints: number) {
    if (!Number.isInteger(maxPoints) || maxPoints < 4) {
      throw new RangeError('A decimated series needs room for at least 4 points.')
    }
  }

  push(point: Point): void {
    const index = this.received
    this.received += 1
    this.newest = point
    if (index % this.stride !== 0) return
    this.kept.push(point)
    if (this.kept.length > this.maxPoints) {
      // Kept points sit at multiples of stride; the even ones sit at multiples of 2 * stride.
      this.kept = this.kept.filter((_, i) => i % 2 === 0)
      this.stride *= 2
    }
  }

  /** The points to draw: the kept ones plus the newest if it was not kept. */
  points(): Point[] {
    const last = this.kept[this.kept.length - 1]
    return this.newest && this.newest !== last ? [...this.kept, this.newest] : this.kept.slice()
  }

  /** How many points were pushed, kept or not. */
  get count(): number {
    return this.received
  }

  get last(): Point | null {
    return this.newest
  }

  clear(): void {
    this.kept = []
    this.newest = null
    this.stride = 1
    this.received = 0
  }
}

/**
 * Runs fn at most once per animation frame however often it is scheduled, so a
 * burst of training events costs one chart redraw. raf is injectable for tests.
 */
export function frameThrottle(
  fn: () => void,
  raf: (callback: () => void) => unknown = (callback) => requestAnimationFrame(callback)
): () => void {
  let pending = false
  return () => {
    if (pending) return
    pending = true
    raf(() => {
      pending = false
      fn()
    })
  }
}
