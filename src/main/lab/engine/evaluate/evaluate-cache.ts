/**
 * Remembers the predictions of a few (run, split) pairs so that clicking a
 * confusion cell or paging through top losses never runs the model again, and
 * the loaded model of a run so that each stroke of a drawing predicts at once.
 * A stamp (the model files' times and sizes) tells when a run's model changed,
 * for instance after training resumed, so a stale value is never served.
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: Promise<T> }>()

  /**
   * @param capacity entries kept, least recently used dropped first
   * @param release frees what a dropped entry holds (a model's tensors)
   */
  constructor(
    private readonly capacity: number,
    private readonly release: (value: T) => void = () => undefined
  ) {}

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
    this.drop(key)
    this.entries.set(key, entry)
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key)
    })
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.drop(oldest)
    }
    return value
  }

  /** Forgets every entry whose key starts with the prefix (a deleted run); returns how many. */
  evict(prefix: string): number {
    let count = 0
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) {
        this.drop(key)
        count++
      }
    }
    return count
  }

  private drop(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    // A value still being computed is released once it is ready; a failed one holds nothing.
    entry.value.then(this.release, () => undefined)
  }

  get size(): number {
    return this.entries.size
  }
}
