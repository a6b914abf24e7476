/**
 * Runs tasks on at most `size` engine processes at once, one task per engine
 * at a time. Engines are started on first use and stopped when the pool is
 * closed; the UI's engine is never one of them, so it stays free to answer.
 */
import type { AnyLabEvent } from '../../../shared/contract'
import type { EngineClient, EngineClientHooks } from '../engine-client'

export type SpawnEngine = (hooks: EngineClientHooks) => EngineClient

export interface PoolSlot {
  engine: EngineClient
  /** Events of this slot's engine go to the current listener. */
  listen(listener: (event: AnyLabEvent) => void): () => void
  /** Called when this slot's engine dies. */
  onCrash(listener: () => void): () => void
}

export class EnginePool {
  private readonly slots: PoolSlot[] = []

  constructor(
    private readonly spawn: SpawnEngine,
    readonly size: number
  ) {}

  private slot(index: number): PoolSlot {
    const existing = this.slots[index]
    if (existing) return existing
    const listeners = new Set<(event: AnyLabEvent) => void>()
    const crashListeners = new Set<() => void>()
    const engine = this.spawn({
      onEvent: (event) => listeners.forEach((l) => l(event)),
      onStatus: () => undefined,
      onCrash: () => crashListeners.forEach((l) => l())
    })
    const slot: PoolSlot = {
      engine,
      listen: (l) => {
        listeners.add(l)
        return () => listeners.delete(l)
      },
      onCrash: (l) => {
        crashListeners.add(l)
        return () => crashListeners.delete(l)
      }
    }
    this.slots[index] = slot
    return slot
  }

  /** Runs every task, `size` at a time, each on a slot of its own. */
  async run<T>(
    tasks: readonly T[],
    work: (task: T, slot: PoolSlot) => Promise<void>
  ): Promise<void> {
    let next = 0
    const worker = async (index: number): Promise<void> => {
      while (next < tasks.length) {
        const task = tasks[next++]!
        await work(task, this.slot(index))
      }
    }
    await Promise.all(
      Array.from({ length: Math.min(this.size, tasks.length) }, (_, i) => worker(i))
    )
  }

  /**
   * Starts every slot's engine now, in the background, so that they all start
   * side by side rather than one after the other as run() reaches them. A
   * failure to start is reported to the first request on that engine. No more
   * than `tasks` engines start: a pool larger than its work leaves the rest unborn.
   */
  startAll(tasks: number): void {
    for (let index = 0; index < Math.min(this.size, tasks); index++) {
      this.slot(index)
        .engine.start()
        .catch(() => undefined)
    }
  }

  /**
   * One task on the first slot, whose engine is warm from the trials: work that
   * would otherwise stall the UI's engine. Only between or after run() calls.
   */
  once<T>(work: (slot: PoolSlot) => Promise<T>): Promise<T> {
    return work(this.slot(0))
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.engine.stop()))
    this.slots.length = 0
  }
}
