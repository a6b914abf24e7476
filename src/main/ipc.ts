import { app, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { ipcChannel, requestNames, type AnyLabEvent } from '../shared/contract'
import { isLocale, type Locale } from '../shared/locales'
import type { LabHost } from './lab/host'
import { isAppUrl } from './security'

/** Only our own window's top frame may talk to the host. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null,
  devServerUrl: string | undefined
): boolean {
  const frame = event.senderFrame
  if (!window || window.isDestroyed() || event.sender !== window.webContents) return false
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devServerUrl)
}

/** One channel per request; the host validates every payload against the contract. */
export function setupLabIpc(
  host: LabHost,
  windows: () => BrowserWindow[],
  devServerUrl: string | undefined,
  onLanguage: (locale: Locale) => void
): void {
  for (const name of requestNames) {
    ipcMain.handle(ipcChannel.request(name), (event, params: unknown) => {
      const trusted = windows().some((w) => isTrustedSender(event, w, devServerUrl))
      if (!trusted) {
        return {
          ok: false,
          error: { code: 'invalid_request', message: 'This window may not use the lab.' }
        }
      }
      return host.handle(name, params)
    })
  }
  // The page picks its language from these; the renderer itself only sees Chromium's.
  ipcMain.handle(ipcChannel.preferredLanguages, (event) => {
    const trusted = windows().some((w) => isTrustedSender(event, w, devServerUrl))
    return trusted ? app.getPreferredSystemLanguages() : []
  })
  // The page settles its language (the user's choice, else the system's); the menu follows
  // it. Anything but a known locale from our own window is dropped, as a menu needs no answer.
  ipcMain.on(ipcChannel.language, (event, locale: unknown) => {
    const trusted = windows().some((w) => isTrustedSender(event, w, devServerUrl))
    if (trusted && isLocale(locale)) onLanguage(locale)
  })
  // Training lives in the host, not in a window: a window that crashed or is
  // reloading misses events, and the run goes on; the reloaded page asks for it.
  host.onEvent((event: AnyLabEvent) => {
    for (const window of windows()) {
      if (window.isDestroyed() || window.webContents.isCrashed()) continue
      try {
        window.webContents.send(ipcChannel.event, event)
      } catch (error) {
        console.error('[ipc] could not relay an event to a window:', error)
      }
    }
  })
}
