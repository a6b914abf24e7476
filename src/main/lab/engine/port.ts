import type { HostPort, HostToEngine } from './protocol'

export type { HostPort } from './protocol'

interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

/**
 * Electron's utilityProcess gives the child `process.parentPort`; Node's fork
 * gives `process.send`. The engine must not import Electron, so look for both.
 */
export function connectToHost(): HostPort {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as HostToEngine))
    }
  }
  if (typeof process.send === 'function') {
    // A host that was killed cannot say shutdown: without it, nobody needs the engine.
    process.once('disconnect', () => process.exit(0))
    return {
      post: (message) => {
        if (process.connected) process.send?.(message)
      },
      onMessage: (listener) => process.on('message', (m) => listener(m as HostToEngine))
    }
  }
  throw new Error('The engine must be started by the lab host (no IPC channel found).')
}
