import type { LabApi } from '../../../shared/contract'
import { createIpcTransport } from './ipc-transport'
import { createWsTransport, labSocketUrl } from './ws-transport'

let api: LabApi | null = null
const connectionListeners = new Set<(up: boolean) => void>()

/** The one LabApi of this page: Electron's bridge when present, else the server's socket. */
export function lab(): LabApi {
  if (!api) {
    api = window.lab
      ? createIpcTransport(window.lab)
      : createWsTransport(labSocketUrl(window.location), (up) => {
          for (const listener of connectionListeners) listener(up)
        })
  }
  return api
}

export function onConnectionChange(listener: (up: boolean) => void): () => void {
  connectionListeners.add(listener)
  return () => connectionListeners.delete(listener)
}
