import { spawn } from 'node:child_process'

/**
 * The command that opens a URL in the default browser, or null where there is none to use.
 * `BROWSER=none` turns it off (the convention of Vite and create-react-app). On Linux a
 * browser needs a display: xdg-open without one would start a text browser in the terminal.
 */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env
): [string, string[]] | null {
  if (env.BROWSER === 'none') return null
  if (platform === 'darwin') return ['open', [url]]
  if (platform === 'win32') return ['cmd', ['/c', 'start', '', url]]
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null
  return ['xdg-open', [url]]
}

/** Opens the URL in the default browser if one is available; never throws. */
export function openBrowser(url: string): boolean {
  const command = browserCommand(url)
  if (!command) return false
  const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true })
  child.on('error', () => undefined)
  child.unref()
  return true
}
