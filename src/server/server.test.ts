import { request } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startLabServer, type LabServer } from './server'
import { releaseAll, socketUrl, staticDir, testHost as host } from './testing/lab-server'

let server: LabServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
  await releaseAll()
})

/** Opens the lab socket; resolves with the handshake's HTTP status, or 101 when it opened. */
function handshake(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => {
      socket.close()
      resolve(101)
    })
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    socket.once('error', () => resolve(0))
  })
}

/** fetch may not set Host; a DNS-rebinding page would, so use plain http. */
function statusWithHost(url: string, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: hostHeader } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.once('error', reject)
    req.end()
  })
}

describe('web mode server', () => {
  it('serves the renderer on loopback without a token and refuses other Host names', async () => {
    server = await startLabServer({
      host: host(),
      staticDir: staticDir(),
      bindHost: '127.0.0.1',
      port: 0
    })
    expect(server.token).toBeNull()
    const page = await fetch(server.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await page.text()).toContain('MNIST Lab')

    expect(await statusWithHost(server.url, 'attacker.example:80')).toBe(421)
    expect(await statusWithHost(server.url, `localhost:${new URL(server.url).port}`)).toBe(200)
  })

  it('does not serve files outside the renderer folder', async () => {
    server = await startLabServer({
      host: host(),
      staticDir: staticDir(),
      bindHost: '127.0.0.1',
      port: 0
    })
    const escaped = await fetch(new URL('/..%2f..%2f..%2fetc%2fpasswd', server.url))
    expect(escaped.status).toBe(404)
    const asset = await fetch(new URL('/assets/app.js', server.url))
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toContain('javascript')
  })

  it('requires the printed token when it must be reached from other machines', async () => {
    server = await startLabServer({
      host: host(),
      staticDir: staticDir(),
      bindHost: '127.0.0.1',
      port: 0,
      requireToken: true,
      token: 'secret-token'
    })
    expect(server.url).toContain('?token=secret-token')
    const base = server.url.split('?')[0]
    expect((await fetch(base)).status).toBe(403)
    expect((await fetch(`${base}?token=wrong`)).status).toBe(403)
    const withToken = await fetch(server.url)
    expect(withToken.status).toBe(200)
    expect(withToken.headers.get('set-cookie')).toContain('HttpOnly')

    expect(await handshake(socketUrl(base))).toBe(401)
    expect(await handshake(socketUrl(server.url))).toBe(101)
    expect(await handshake(socketUrl(base), { Cookie: 'mnist_lab_token=secret-token' })).toBe(101)
  })

  it('refuses a WebSocket opened by a page from another origin', async () => {
    server = await startLabServer({
      host: host(),
      staticDir: staticDir(),
      bindHost: '127.0.0.1',
      port: 0
    })
    const own = new URL(server.url).origin
    expect(await handshake(socketUrl(server.url), { Origin: own })).toBe(101)
    expect(await handshake(socketUrl(server.url), { Origin: 'https://evil.example' })).toBe(403)
  })

  it('answers malformed socket messages with an error instead of dropping the connection', async () => {
    server = await startLabServer({
      host: host(),
      staticDir: staticDir(),
      bindHost: '127.0.0.1',
      port: 0
    })
    const socket = new WebSocket(socketUrl(server.url))
    await new Promise((resolve) => socket.once('open', resolve))
    const replies: unknown[] = []
    socket.on('message', (data) => replies.push(JSON.parse(data.toString())))
    socket.send('not json')
    socket.send(JSON.stringify({ id: 1 }))
    socket.send(JSON.stringify({ id: 2, name: 'datasets.download', params: { id: '../../etc' } }))
    await vi.waitFor(() => expect(replies).toHaveLength(3))
    // Still connected: a bad message costs an error reply, not the session.
    expect(socket.readyState).toBe(WebSocket.OPEN)
    socket.close()
    expect(replies).toEqual([
      { error: { code: 'invalid_request', message: 'Messages must be JSON.' } },
      {
        error: { code: 'invalid_request', message: expect.stringContaining('"id": whole number') }
      },
      {
        id: 2,
        response: {
          ok: false,
          error: {
            code: 'invalid_request',
            message: expect.stringContaining('datasets.download'),
            text: {
              key: 'errors.invalidFields',
              params: { request: 'datasets.download', fields: 'id' }
            }
          }
        }
      }
    ])
  })
})
