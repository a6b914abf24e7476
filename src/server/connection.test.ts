/**
 * Every failure of one client stays inside its connection: the server, the
 * other clients and the lab carry on.
 */
import { connect as netConnect } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { maxClientMessageBytes, wireCloseCodes } from '../shared/contract'
import {
  answerTo,
  connect,
  releaseAll,
  startTestServer,
  type TestClient
} from './testing/lab-server'

afterEach(releaseAll)

/** The server still answers a fresh request from `client`. */
async function answers(client: TestClient, id: number): Promise<void> {
  client.send({ id, name: 'runs.list', params: {} })
  await vi.waitFor(() =>
    expect(answerTo(client, id)).toEqual({ id, response: { ok: true, value: [] } })
  )
}

describe('a failing connection closes only itself', () => {
  it('closes a client that sends a frame over the size limit with 1009, and serves the others (regression: the whole server crashed)', async () => {
    const server = await startTestServer()
    const bystander = await connect(server)
    const offender = await connect(server)
    offender.send('x'.repeat(maxClientMessageBytes + 1))
    expect((await offender.closed).code).toBe(wireCloseCodes.tooBig)
    await answers(bystander, 1)
    await answers(await connect(server), 2)
  })

  it('closes a client that sends invalid UTF-8 with 1007', async () => {
    const server = await startTestServer()
    const bystander = await connect(server)
    const offender = await connect(server)
    offender.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false })
    expect((await offender.closed).code).toBe(wireCloseCodes.invalidPayload)
    await answers(bystander, 1)
  })

  it('drops a peer that stops answering pings (a half-open TCP connection)', async () => {
    const server = await startTestServer({ limits: { heartbeatMs: 50 } })
    const bystander = await connect(server)
    const silent = await connect(server, { autoPong: false })
    // ws answers pings itself unless told not to; this peer is as good as gone.
    expect((await silent.closed).code).toBe(1006)
    await answers(bystander, 1)
    expect(bystander.socket.readyState).toBe(WebSocket.OPEN)
  })

  it('survives a client that vanishes before its answer is ready, and one that resets mid-handshake', async () => {
    const server = await startTestServer()
    const bystander = await connect(server)
    const vanishing = await connect(server)
    for (let id = 1; id <= 20; id += 1) vanishing.send({ id, name: 'runs.list', params: {} })
    vanishing.socket.terminate()

    const url = new URL(server.url)
    const raw = netConnect(Number(url.port), url.hostname)
    raw.on('error', () => undefined)
    await new Promise<void>((resolve) => raw.once('connect', () => resolve()))
    raw.write(
      `GET /lab HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
    )
    raw.resetAndDestroy()

    await answers(bystander, 100)
  })

  it('answers frames that are not requests with typed errors and keeps the connection', async () => {
    const server = await startTestServer()
    const client = await connect(server)
    client.socket.send(Buffer.from('{"id":1}'), { binary: true })
    client.send('['.repeat(10_000) + ']'.repeat(10_000))
    client.send({ id: 1.5, name: 'runs.list', params: {} })
    client.send({ id: 7, name: 'no.such.request', params: {} })
    await vi.waitFor(() => expect(client.messages).toHaveLength(4))
    expect(client.strays).toEqual([])
    expect(client.messages.slice(0, 3).map((m) => ('error' in m ? m.error.code : null))).toEqual([
      'invalid_request',
      'invalid_request',
      'invalid_request'
    ])
    expect(answerTo(client, 7)).toMatchObject({
      response: { ok: false, error: { code: 'unknown_request' } }
    })
    await answers(client, 8)
  })
})
