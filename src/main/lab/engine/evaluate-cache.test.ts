import { describe, expect, it, vi } from 'vitest'
import { PredictionCache } from './evaluate-cache'

describe('PredictionCache', () => {
  it('computes once per key and stamp', async () => {
    const cache = new PredictionCache<number>()
    const compute = vi.fn(async () => 42)
    expect(await cache.get('run:test', 'a', compute)).toBe(42)
    expect(await cache.get('run:test', 'a', compute)).toBe(42)
    expect(compute).toHaveBeenCalledTimes(1)
  })

  it('shares one computation between concurrent callers', async () => {
    const cache = new PredictionCache<number>()
    const compute = vi.fn(() => new Promise<number>((resolve) => setTimeout(() => resolve(7), 5)))
    const [a, b] = await Promise.all([cache.get('k', 's', compute), cache.get('k', 's', compute)])
    expect([a, b]).toEqual([7, 7])
    expect(compute).toHaveBeenCalledTimes(1)
  })

  it('computes again when the model changed', async () => {
    const cache = new PredictionCache<string>()
    await cache.get('k', 'old', async () => 'old')
    expect(await cache.get('k', 'new', async () => 'new')).toBe('new')
    expect(cache.size).toBe(1)
  })

  it('does not remember a failure', async () => {
    const cache = new PredictionCache<number>()
    await expect(cache.get('k', 's', async () => Promise.reject(new Error('no model')))).rejects.toThrow(
      'no model'
    )
    expect(await cache.get('k', 's', async () => 1)).toBe(1)
  })

  it('drops the least recently used entry beyond its capacity', async () => {
    const cache = new PredictionCache<string>(2)
    await cache.get('a', 's', async () => 'a')
    await cache.get('b', 's', async () => 'b')
    await cache.get('a', 's', async () => 'a again') // touch a: b is now the oldest
    await cache.get('c', 's', async () => 'c')
    const recompute = vi.fn(async () => 'fresh')
    expect(await cache.get('a', 's', recompute)).toBe('a')
    expect(await cache.get('b', 's', recompute)).toBe('fresh')
  })

  it('evicts by prefix', async () => {
    const cache = new PredictionCache<number>()
    await cache.get('run-1\u0000train', 's', async () => 1)
    await cache.get('run-1\u0000test', 's', async () => 2)
    await cache.get('run-2\u0000test', 's', async () => 3)
    expect(cache.evict('run-1\u0000')).toBe(2)
    expect(cache.size).toBe(1)
  })
})
