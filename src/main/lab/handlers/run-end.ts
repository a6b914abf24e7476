/**
 * Promises of a run's end, for host work that trains several runs in a row
 * (a learning curve): the training recorder settles them once run.json holds
 * the run's final status.
 */
import type { RunStatus } from '../../../shared/contract'

const waiters = new Map<string, Array<(status: RunStatus) => void>>()

export function waitForRunEnd(runId: string): Promise<RunStatus> {
  return new Promise((resolve) => {
    waiters.set(runId, [...(waiters.get(runId) ?? []), resolve])
  })
}

export function notifyRunEnd(runId: string, status: RunStatus): void {
  const pending = waiters.get(runId)
  waiters.delete(runId)
  for (const resolve of pending ?? []) resolve(status)
}
