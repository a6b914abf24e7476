import { describe, expect, it } from 'vitest'
import { TokenBucket } from './rate-limit'

describe('TokenBucket', () => {
  it('allows a burst up to its capacity, then only the refill rate', () => {
    let now = 0
    const bucket = new TokenBucket(3, 10, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false
    ])
    now += 100 // one token at 10 per second
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
    now += 60_000 // never more than the capacity, however long it rested
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false
    ])
  })
})
