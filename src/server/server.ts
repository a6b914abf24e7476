import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { maxClientMessageBytes, wireCloseCodes, type AnyLabEvent } from '../shared/contract'
import type { LabHost } from '../main/lab/host'
import {
  hasAcceptableHost,
  hasAcceptableOrigin,
  hasValidToken,
  isLoopbackHost,
  newToken,
  tokenCookie,
  type AccessPolicy
} from './access'
import { serveStatic } from './static-files'
import { defaultLimits, openConnection, type Connection, type ConnectionLimits } from './connection'
import { contentSecurityPolicy } from '../shared/csp'

export interface LabServerOptions {
  host: LabHost
  staticDir: string
  bindHost: string
  port: number
  /** Override the generated token (tests); ignored on loopback unless requireToken. */
  token?: string
  requireToken?: boolean
  /** Per-client limits; tests lower them to reach them quickly. */
  limits?: Partial<ConnectionLimits>
}

export interface LabServer {
  url: string
  token: string | null
  /** Clients connected now. */
  clientCount(): number
  close(): Promise<void>
}

/** The same policy Electron applies, sent as a header in web mode. */
const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer'
}

function refuse(socketOrRes: { end(data?: string): void }, status: string): void {
  socketOrRes.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
}

/** Serves the built renderer and binds LabHost to a WebSocket at /lab. */
export async function startLabServer(options: LabServerOptions): Promise<LabServer> {
  const needsToken = options.requireToken === true || !isLoopbackHost(options.bindHost)
  const policy: AccessPolicy = {
    token: needsToken ? (options.token ?? newToken()) : null,
    port: options.port,
    bindHost: options.bindHost
  }

  const http: Server = createServer((req, res) => {
    if (!hasAcceptableHost(req, policy)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('This server only answers to its loopback address.')
      return
    }
    if (!hasValidToken(req, policy)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Open the URL with the token the server printed when it started.')
      return
    }
    const headers = { ...securityHeaders }
    if (policy.token) {
      headers['Set-Cookie'] = `${tokenCookie}=${policy.token}; HttpOnly; SameSite=Strict; Path=/`
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers)
      res.end()
      return
    }
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname
    void serveStatic(options.staticDir, path, res, headers)
  })

  const limits: ConnectionLimits = { ...defaultLimits, ...options.limits }
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxClientMessageBytes })
  const clients = new Set<Connection>()
  const unsubscribe = options.host.onEvent((event: AnyLabEvent) => {
    const text = JSON.stringify({ event })
    for (const client of clients) client.deliver(event, text)
  })

  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    // A peer that resets mid-handshake must not take the server with it.
    socket.on('error', () => socket.destroy())
    const path = new URL(req.url ?? '/', 'http://placeholder').pathname
    if (path !== '/lab') return refuse(socket, '404 Not Found')
    if (!hasAcceptableHost(req, policy) || !hasAcceptableOrigin(req)) {
      return refuse(socket, '403 Forbidden')
    }
    if (!hasValidToken(req, policy)) return refuse(socket, '401 Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      const connection = openConnection(ws, options.host, limits, () => {
        sockets.delete(ws)
        clients.delete(connection)
      })
      clients.add(connection)
    })
  })
  const sockets = new Set<WebSocket>()

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, options.bindHost, () => resolve())
  })
  const address = http.address() as AddressInfo
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const base = `http://${shownHost}:${address.port}/`
  return {
    url: policy.token ? `${base}?token=${policy.token}` : base,
    token: policy.token,
    clientCount: () => clients.size,
    close: async () => {
      unsubscribe()
      for (const ws of sockets)
        ws.close(wireCloseCodes.goingAway, 'The lab server is shutting down.')
      for (const ws of sockets) ws.terminate()
      wss.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    }
  }
}
