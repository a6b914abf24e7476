import type { HostPort, HostToEngine } from './protocol'

export type { HostPort } from './protocol'

/** The Node engine process's own channel to its host. */
export interface ProcessHostPort extends HostPort {
  /**
   * Resolves while the host that started this engine is still there, and never
   * once it has gone (the engine then exits). Awaited before each write to a
   * run's folder: see node-services.ts.
   */
  whileHostConnected(): Promise<void>
}

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

/**
 * Electron's utilityProcess gives the child `process.parentPort`; Node's fork
 * gives `process.send`. The engine must not import Electron, so look for both.
 */
export function connectToHost(): ProcessHostPort {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as HostToEngine)),
      // parentPort has no event for a parent that has gone, so there is nothing
      // to wait for here: the guard covers the forked engine only.
      whileHostConnected: () => Promise.resolve()
    }
  }
  if (typeof process.send === 'function') {
    // A host that was killed cannot say shutdown: without it, nobody needs the engine.
    process.once('disconnect', () => process.exit(0))
    return {
      post: (message) => {
        if (process.connected) process.send?.(message)
      },
      onMessage: (listener) => process.on('message', (m) => listener(m as HostToEngine)),
      // A closed channel is only noticed when the event loop polls, and training's
      // long synchronous stretches can hold that off until after a restarted lab
      // has put the run's folder right. An immediate queued from inside a check
      // phase runs in the next one, after a fresh poll: a host killed by then has
      // been seen, and the exit above has happened, before anything is written.
      whileHostConnected: () =>
        new Promise<void>((resolve) =>
          setImmediate(() =>
            setImmediate(() => {
              if (process.connected) resolve()
            })
          )
        )
    }
  }
  throw new Error('The engine must be started by the lab host (no IPC channel found).')
}
