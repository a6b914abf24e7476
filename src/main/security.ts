import { session, shell, type WebContents } from 'electron'

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

/** The CSP for the built renderer; the dev server needs its own websocket too. */
export function contentSecurityPolicy(devServerUrl: string | undefined): string {
  const connect = devServerUrl ? `'self' ws: ${devServerUrl}` : "'self'"
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

export function applyContentSecurityPolicy(devServerUrl: string | undefined): void {
  const policy = contentSecurityPolicy(devServerUrl)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] }
    })
  })
}
