/**
 * Helpers for tests that drive the web server over real sockets on loopback.
 * Every folder, server and socket they make is released by `releaseAll`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { serverMessageSchema, type ServerMessage } from '../../shared/contract'
import type { EngineLauncher } from '../../main/lab/launch/channel'
import { LabHost } from '../../main/lab/host'
import { repoResourcesDir } from '../../main/lab/testing/real-engine'
import { startLabServer, type LabServer, type LabServerOptions } from '../server'

const dirs: string[] = []
const servers: LabServer[] = []
const sockets: WebSocket[] = []
const hosts: LabHost[] = []

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

export function staticDir(): string {
  const dir = tempDir('lab-static-')
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>MNIST Lab</title>')
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  return dir
}

export const noEngine: EngineLauncher = () => {
  throw new Error('these tests never reach the engine')
}

export function testHost(
  launcher: EngineLauncher = noEngine,
  home = tempDir('lab-server-')
): LabHost {
  const host = new LabHost({ home, resourcesDir: repoResourcesDir, appVersion: 'test', launcher })
  hosts.push(host)
  return host
}

export async function startTestServer(
  options: Partial<LabServerOptions> = {}
): Promise<LabServer & { host: LabHost }> {
  const host = options.host ?? testHost()
  const server = await startLabServer({
    host,
    staticDir: staticDir(),
    bindHost: '127.0.0.1',
    port: 0,
    ...options
  })
  servers.push(server)
  return { ...server, host }
}

export function socketUrl(base: string, path = '/lab'): string {
  const url = new URL(base)
  return `ws://${url.host}${path}${url.search}`
}

/** A client socket that keeps every message it receives, parsed against the wire contract. */
export interface TestClient {
  socket: WebSocket
  messages: ServerMessage[]
  /**
   * The answers and errors among them, without events: the engine broadcasts
   * events such as `engine.status` whenever it likes, so a test that counts
   * answers must not count those.
   */
  replies: ServerMessage[]
  /** Messages that did not match the wire contract (a test expects none). */
  strays: unknown[]
  /** How many events arrived, counted as they come (cheap to poll). */
  eventCount(): number
  closed: Promise<{ code: number; reason: string }>
  send(value: unknown): void
}

export async function connect(
  server: Pick<LabServer, 'url'>,
  options: WebSocket.ClientOptions = {}
): Promise<TestClient> {
  const socket = new WebSocket(socketUrl(server.url), options)
  sockets.push(socket)
  const messages: ServerMessage[] = []
  const replies: ServerMessage[] = []
  const strays: unknown[] = []
  let events = 0
  socket.on('message', (data) => {
    const raw: unknown = JSON.parse(data.toString())
    const parsed = serverMessageSchema.safeParse(raw)
    if (parsed.success) messages.push(parsed.data)
    else strays.push(raw)
    if (parsed.success && 'event' in parsed.data) events += 1
    else if (parsed.success) replies.push(parsed.data)
  })
  // A test may break the connection on purpose; the error is seen through `closed`.
  socket.on('error', () => undefined)
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('unexpected-response', () => reject(new Error('the handshake was refused')))
  })
  return {
    socket,
    messages,
    replies,
    strays,
    eventCount: () => events,
    closed,
    send: (value) => socket.send(typeof value === 'string' ? value : JSON.stringify(value))
  }
}

/** The answer to request `id`, from the messages a client received. */
export function answerTo(client: TestClient, id: number): ServerMessage | undefined {
  return client.messages.find((m) => 'id' in m && m.id === id)
}

export async function releaseAll(): Promise<void> {
  for (const socket of sockets.splice(0)) socket.terminate()
  for (const server of servers.splice(0)) await server.close()
  for (const host of hosts.splice(0)) await host.stop()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}
