import { session, shell, type WebContents } from 'electron'
import { contentSecurityPolicy } from '../shared/csp'

/** The one page the app shows: its own renderer, from disk or the dev server. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true
  return url.startsWith('file://')
}

/**
 * Locks a window down: no navigation away, no new windows (links open in the
 * user's browser only when they are https), no permission prompts.
 */
export function hardenContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}

export function applyContentSecurityPolicy(devServerUrl: string | undefined): void {
  // The dev server's hot reload talks over its own websocket.
  const policy = contentSecurityPolicy(devServerUrl ? ['ws:', devServerUrl] : [])
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] }
    })
  })
}
