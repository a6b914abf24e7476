/**
 * Preload of the hidden GPU engine window. It exposes nothing: it passes the
 * MessagePort that main sends (the engine's channel to LabHost) on to the page,
 * which the sandbox lets only window.postMessage carry across the isolated world.
 */
import { ipcRenderer } from 'electron'

/** The one message main sends this window; the page waits for the same name. */
const portMessage = 'mnist-lab:engine-port'

/** The page's window, as the preload sees it (the preload is built without DOM types). */
const page = globalThis as unknown as {
  location: { origin: string }
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void
}

ipcRenderer.once(portMessage, (event) => {
  // A file:// page has the origin "null", which postMessage cannot name.
  const origin = page.location.origin === 'null' ? '*' : page.location.origin
  page.postMessage(portMessage, origin, event.ports)
})
