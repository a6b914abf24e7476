import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm'
}

/** Resolves a URL path inside root, or null if it would step outside it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  const full = join(root, relative)
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null
}

export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
  headers: Record<string, string>
): Promise<void> {
  const wanted = urlPath === '/' ? '/index.html' : urlPath
  const file = resolveInside(root, wanted)
  const info = file ? await stat(file).catch(() => null) : null
  if (!file || !info || !info.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers })
    res.end('Not found')
    return
  }
  res.writeHead(200, {
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
    ...headers
  })
  // pipe() does not forward errors: a file that vanished after stat would
  // otherwise throw from the stream and take the server down.
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}
