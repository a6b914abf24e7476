/**
 * Remembers the predictions of a few (run, split) pairs so that clicking a
 * confusion cell or paging through top losses never runs the model again.
 * A stamp (the model file's time and size) tells when a run's model changed,
 * for instance after training resumed, so stale predictions are never served.
 */
export class PredictionCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: Promise<T> }>()

  /** 60,000 x 10 float32 probabilities is 2.4 MB: a handful is cheap, dozens are not. */
  constructor(private readonly capacity = 6) {}

  /**
   * The value for key made from the model with this stamp. Concurrent callers
   * share one computation; a failure is not remembered, so a retry computes again.
   */
  get(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key)
    if (hit && hit.stamp === stamp) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit.value
    }
    const value = compute()
    const entry = { stamp, value }
    this.entries.delete(key)
    this.entries.set(key, entry)
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key)
    })
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
    return value
  }

  /** Forgets every entry whose key starts with the prefix (a deleted run); returns how many. */
  evict(prefix: string): number {
    let count = 0
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) {
        this.entries.delete(key)
        count++
      }
    }
    return count
  }

  get size(): number {
    return this.entries.size
  }
}
