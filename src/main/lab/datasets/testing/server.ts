/**
 * A local HTTP mirror on 127.0.0.1 that misbehaves on request, so download
 * tests cover real sockets without reaching the internet.
 */
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Behaviour =
  /** 200 with the right bytes. */
  | 'ok'
  | 'not-found'
  /** The right length, one byte altered: a corrupt copy. */
  | 'corrupt'
  /** Announces the full length, sends half, closes the connection politely. */
  | 'truncate'
  /** No length announced; sends a part, then resets the connection. */
  | 'reset'
  /** Trickles the file a few bytes at a time. */
  | 'slow'
  /** Sends the headers and a few bytes, then nothing. */
  | 'stall'

export interface FixtureServer {
  /** Base URL ending in a slash, as catalog mirrors are. */
  url: string
  /** Paths requested, in order. */
  requests: string[]
  close(): Promise<void>
}

function send(res: ServerResponse, body: Buffer, behaviour: Behaviour): void {
  switch (behaviour) {
    case 'ok':
      res.writeHead(200, { 'content-length': body.length }).end(body)
      return
    case 'not-found':
      res.writeHead(404).end('not here')
      return
    case 'corrupt': {
      const copy = Buffer.from(body)
      copy[copy.length >> 1] ^= 0xff
      res.writeHead(200, { 'content-length': copy.length }).end(copy)
      return
    }
    case 'truncate':
      res.writeHead(200, { 'content-length': body.length })
      res.write(body.subarray(0, body.length >> 1), () => res.socket?.end())
      return
    case 'reset':
      res.writeHead(200)
      res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy())
      return
    case 'slow': {
      res.writeHead(200, { 'content-length': body.length })
      let at = 0
      const timer = setInterval(() => {
        if (res.destroyed || at >= body.length) {
          clearInterval(timer)
          res.end()
          return
        }
        res.write(body.subarray(at, at + 16))
        at += 16
      }, 20)
      return
    }
    case 'stall':
      res.writeHead(200, { 'content-length': body.length })
      res.write(body.subarray(0, 8))
      return
  }
}

export async function startFixtureServer(
  files: Map<string, Buffer>,
  behaviour: (fileName: string) => Behaviour = () => 'ok'
): Promise<FixtureServer> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').replace(/^\/+/, '')
    requests.push(name)
    const body = files.get(name)
    if (!body) {
      res.writeHead(404).end()
      return
    }
    send(res, body, behaviour(name))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A base URL on which nothing listens: connecting is refused, as when offline. */
export async function refusedUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/`
}
