import { describe, expect, it, vi } from 'vitest'
import { StampedCache } from './evaluate-cache'

describe('StampedCache', () => {
  it('computes once per key and stamp', async () => {
    const cache = new StampedCache<number>(6)
    const compute = vi.fn(async () => 42)
    expect(await cache.get('run:test', 'a', compute)).toBe(42)
    expect(await cache.get('run:test', 'a', compute)).toBe(42)
    expect(compute).toHaveBeenCalledTimes(1)
  })

  it('shares one computation between concurrent callers', async () => {
    const cache = new StampedCache<number>(6)
    const compute = vi.fn(() => new Promise<number>((resolve) => setTimeout(() => resolve(7), 5)))
    const [a, b] = await Promise.all([cache.get('k', 's', compute), cache.get('k', 's', compute)])
    expect([a, b]).toEqual([7, 7])
    expect(compute).toHaveBeenCalledTimes(1)
  })

  it('computes again when the model changed', async () => {
    const cache = new StampedCache<string>(6)
    await cache.get('k', 'old', async () => 'old')
    expect(await cache.get('k', 'new', async () => 'new')).toBe('new')
    expect(cache.size).toBe(1)
  })

  it('does not remember a failure', async () => {
    const cache = new StampedCache<number>(6)
    await expect(
      cache.get('k', 's', async () => Promise.reject(new Error('no model')))
    ).rejects.toThrow('no model')
    expect(await cache.get('k', 's', async () => 1)).toBe(1)
  })

  it('drops the least recently used entry beyond its capacity', async () => {
    const cache = new StampedCache<string>(2)
    await cache.get('a', 's', async () => 'a')
    await cache.get('b', 's', async () => 'b')
    await cache.get('a', 's', async () => 'a again') // touch a: b is now the oldest
    await cache.get('c', 's', async () => 'c')
    const recompute = vi.fn(async () => 'fresh')
    expect(await cache.get('a', 's', recompute)).toBe('a')
    expect(await cache.get('b', 's', recompute)).toBe('fresh')
  })

  it('evicts by prefix', async () => {
    const cache = new StampedCache<number>(6)
    await cache.get('run-1\u0000train', 's', async () => 1)
    await cache.get('run-1\u0000test', 's', async () => 2)
    await cache.get('run-2\u0000test', 's', async () => 3)
    expect(cache.evict('run-1\u0000')).toBe(2)
    expect(cache.size).toBe(1)
  })

  it('releases what it drops: replaced, evicted or beyond capacity', async () => {
    const released: string[] = []
    const cache = new StampedCache<string>(1, (v) => released.push(v))
    await cache.get('a', 's1', async () => 'a1')
    await cache.get('a', 's2', async () => 'a2')
    await cache.get('b', 's', async () => 'b')
    cache.evict('b')
    await Promise.resolve()
    await Promise.resolve()
    expect(released).toEqual(['a1', 'a2', 'b'])
  })
})
