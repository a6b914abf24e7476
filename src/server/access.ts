import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const tokenCookie = 'mnist_lab_token'

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

export function isLoopbackHost(host: string): boolean {
  return loopbackHosts.has(host) || host.startsWith('127.')
}

export function newToken(): string {
  return randomBytes(24).toString('hex')
}

export interface AccessPolicy {
  /** Required from every client when the server listens beyond loopback. */
  token: string | null
  port: number
  bindHost: string
}

/**
 * Compares in constant time. Both sides are hashed first, so neither a wrong
 * length nor a matching prefix makes the answer come sooner.
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie
  if (!header) return null
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}

export function tokenFrom(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://placeholder')
  return url.searchParams.get('token') ?? cookieValue(req, tokenCookie)
}

export function hasValidToken(req: IncomingMessage, policy: AccessPolicy): boolean {
  if (policy.token === null) return true
  const given = tokenFrom(req)
  return given !== null && sameSecret(given, policy.token)
}

/**
 * On loopback, only Host names that mean this machine are served: a page on
 * another site cannot reach us through DNS rebinding.
 */
export function hasAcceptableHost(req: IncomingMessage, policy: AccessPolicy): boolean {
  if (!isLoopbackHost(policy.bindHost)) return true
  const host = req.headers.host
  if (!host) return false
  const name = host.replace(/:\d+$/, '')
  return isLoopbackHost(name)
}

/** A WebSocket may only be opened by our own page (browsers always send Origin). */
export function hasAcceptableOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (origin === undefined) return true
  const host = req.headers.host
  if (!host) return false
  try {
    const parsed = new URL(origin)
    return parsed.host === host && (parsed.protocol === 'http:' || parsed.protocol === 'https:')
  } catch {
    return false
  }
}
