import type { AnyLabEvent, EventName, LabEvents } from '../../../shared/contract'

type AnyListener = (payload: never) => void

/** Fans incoming events out to listeners by name. */
export function createEventHub(): {
  dispatch(event: AnyLabEvent): void
  on<E extends EventName>(name: E, listener: (payload: LabEvents[E]) => void): () => void
} {
  const listeners = new Map<EventName, Set<AnyListener>>()
  return {
    dispatch(event) {
      for (const listener of listeners.get(event.name) ?? []) {
        ;(listener as (payload: unknown) => void)(event.payload)
      }
    },
    on(name, listener) {
      let set = listeners.get(name)
      if (!set) {
        set = new Set()
        listeners.set(name, set)
      }
      set.add(listener as AnyListener)
      return () => set.delete(listener as AnyListener)
    }
  }
}
