import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { latestOnly } from './evaluation'

describe('latestOnly', () => {
  // Restored even when an assertion fails, so no other test runs on a fake clock.
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs the first call at once and collapses the rest into one call with the newest value', async () => {
    const seen: number[] = []
    let release: () => void = () => undefined
    const task = (value: number): Promise<void> => {
      seen.push(value)
      return new Promise((resolve) => (release = resolve))
    }
    const call = latestOnly(task, 100)
    call(1)
    call(2)
    call(3)
    expect(seen).toEqual([1])
    release()
    await vi.advanceTimersByTimeAsync(100)
    expect(seen).toEqual([1, 3])
    release()
    await vi.advanceTimersByTimeAsync(500)
    expect(seen).toEqual([1, 3])
  })

  it('keeps going after a task fails', async () => {
    const seen: number[] = []
    const call = latestOnly(async (value: number) => {
      seen.push(value)
      throw new Error('no')
    }, 10)
    call(1)
    await vi.advanceTimersByTimeAsync(20)
    call(2)
    await vi.advanceTimersByTimeAsync(20)
    expect(seen).toEqual([1, 2])
  })
})
