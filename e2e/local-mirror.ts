import { createReadStream, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename, join } from 'node:path'

/** Debian's dataset-fashion-mnist: the real files, served as a mirror would. */
export const fashionMnistDir = '/usr/share/datasets/fashion-mnist'

export interface LocalMirror {
  url: string
  close(): Promise<void>
}

/**
 * Serves a folder on 127.0.0.1 at a limited rate, so a download takes long
 * enough to watch (and to cancel) but no test leaves this machine.
 */
export async function startLocalMirror(dir: string, bytesPerSecond: number): Promise<LocalMirror> {
  const sockets = new Set<import('node:net').Socket>()
  const server: Server = createServer((req, res) => {
    const file = join(dir, basename(new URL(req.url ?? '/', 'http://x').pathname))
    let size: number
    try {
      size = statSync(file).size
    } catch {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Length': size, 'Content-Type': 'application/gzip' })
    const stream = createReadStream(file, { highWaterMark: 64 * 1024 })
    stream.on('data', (chunk) => {
      stream.pause()
      res.write(chunk)
      setTimeout(() => stream.resume(), (chunk.length / bytesPerSecond) * 1000)
    })
    stream.on('end', () => res.end())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
