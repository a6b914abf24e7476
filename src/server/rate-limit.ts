/**
 * A token bucket: `capacity` requests at once, refilled at `perSecond`. A page
 * that pages through samples bursts a few dozen requests; a script that floods
 * the socket is held to the refill rate and refused the rest.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now()
  ) {
    this.tokens = capacity
    this.last = now()
  }

  /** Takes one token; false when there is none left. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
