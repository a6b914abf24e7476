import type { LabApi, MenuCommand } from '../../../shared/contract'
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

/** The application menu lives in the desktop app only; in a browser no command ever comes. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.lab?.onMenuCommand(listener) ?? (() => undefined)
}

export function onConnectionChange(listener: (up: boolean) => void): () => void {
  connectionListeners.add(listener)
  return () => connectionListeners.delete(listener)
}
