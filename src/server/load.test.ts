/**
 * Web mode under load, on loopback only and bounded in count and time. The
 * memory figures are the server's own, measured in a process apart from the
 * clients; they are printed for the README and bounded, never timed.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AnyLabEvent } from '../shared/contract'
import type { LabServer } from './server'
import { seedTrainConfig } from '../shared/train-defaults'
import { realEngineLauncher } from '../main/lab/testing/real-engine'
import type { LoadServerCommand, LoadServerReply } from './testing/load-server'
import {
  answerTo,
  connect,
  releaseAll,
  startTestServer,
  testHost,
  type TestClient
} from './testing/lab-server'

const MB = 1024 * 1024
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill()
})

interface LoadServer {
  server: Pick<LabServer, 'url'>
  ask(command: LoadServerCommand): Promise<LoadServerReply>
  stats(): Promise<{ rss: number; clients: number }>
}

async function startLoadServer(limits: object = {}): Promise<LoadServer> {
  const child = fork(join(__dirname, 'testing/load-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LAB_LOAD_LIMITS: JSON.stringify(limits) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  children.push(child)
  const next = (): Promise<LoadServerReply> =>
    new Promise((resolve) => child.once('message', (m) => resolve(m as LoadServerReply)))
  const ready = await next()
  if (ready.type !== 'ready') throw new Error('the load server did not start')
  const ask = (command: LoadServerCommand): Promise<LoadServerReply> => {
    const reply = next()
    child.send(command)
    return reply
  }
  return {
    server: { url: ready.url },
    ask,
    stats: async () => {
      const reply = await ask({ type: 'stats' })
      if (reply.type !== 'stats') throw new Error('expected stats')
      return reply
    }
  }
}

function eventsOf(client: TestClient): AnyLabEvent[] {
  return client.messages.flatMap((m) => ('event' in m ? [m.event as AnyLabEvent] : []))
}

/** The epoch and status events of a run, as a client saw them. */
function milestones(events: AnyLabEvent[], runId: string): string[] {
  return events.flatMap((e) =>
    e.name === 'train.epoch' && e.payload.runId === runId
      ? [`epoch ${e.payload.epoch}`]
      : e.name === 'train.status' && e.payload.runId === runId
        ? [`status ${e.payload.status}`]
        : []
  )
}

function lastEvent(client: TestClient): AnyLabEvent | undefined {
  const last = client.messages.at(-1)
  return last && 'event' in last ? (last.event as AnyLabEvent) : undefined
}

const completed = (runId: string): object => ({
  name: 'train.status',
  payload: { runId, status: 'completed' }
})

const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`

describe('a slow client', () => {
  it(
    'loses batch events, never epochs or status, is closed past its buffer limit, and the server stays small',
    { timeout: 600_000 },
    async () => {
      const load = await startLoadServer({ dropProgressAbove: 64 * 1024, closeAbove: 1 * MB })
      const fast = await connect(load.server)
      const slow = await connect(load.server)
      const before = (await load.stats()).rss

      // Phase 1: far more batch events than the kernel's socket buffers hold.
      slow.socket.pause()
      const epochs = 20
      const batchesPerEpoch = 2_000
      await load.ask({ type: 'emit', runId: 'run-a', epochs, batchesPerEpoch })
      const total = epochs * (batchesPerEpoch + 1) + 2
      await vi.waitFor(() => expect(fast.eventCount()).toBe(total), {
        timeout: 240_000,
        interval: 200
      })
      const steps = eventsOf(fast).flatMap((e) =>
        e.name === 'train.batch' ? [e.payload.step] : []
      )
      expect(steps).toEqual(Array.from({ length: epochs * batchesPerEpoch }, (_, i) => i + 1))

      slow.socket.resume()
      await vi.waitFor(() => expect(lastEvent(slow)).toMatchObject(completed('run-a')), {
        timeout: 240_000,
        interval: 200
      })
      const expected = [
        'status running',
        ...Array.from({ length: epochs }, (_, i) => `epoch ${i + 1}`),
        'status completed'
      ]
      expect(milestones(eventsOf(fast), 'run-a')).toEqual(expected)
      expect(milestones(eventsOf(slow), 'run-a')).toEqual(expected)
      const slowBatches = eventsOf(slow).filter((e) => e.name === 'train.batch').length
      expect(slowBatches).toBeLessThan(epochs * batchesPerEpoch)

      // Phase 2: epoch events cannot be dropped, so a client that never reads them is closed.
      // 50,000 of them are about 10 MB: more than the socket buffers and the 1 MB limit together.
      const unreadEpochs = 50_000
      slow.socket.pause()
      await load.ask({ type: 'emit', runId: 'run-b', epochs: unreadEpochs, batchesPerEpoch: 0 })
      await vi.waitFor(async () => expect((await load.stats()).clients).toBe(1), {
        timeout: 240_000,
        interval: 200
      })
      await vi.waitFor(() => expect(lastEvent(fast)).toMatchObject(completed('run-b')), {
        timeout: 240_000,
        interval: 200
      })
      expect(milestones(eventsOf(fast), 'run-b')).toHaveLength(unreadEpochs + 2)
      const growth = (await load.stats()).rss - before
      console.log(
        `[load] slow client: ${epochs * batchesPerEpoch} batch events, ${slowBatches} reached it; ` +
          `closed after ${unreadEpochs} unread epoch events; server RSS grew ${mb(growth)}`
      )
      expect(growth).toBeLessThan(50 * MB)
    }
  )
})

describe('a request flood', () => {
  it(
    'answers or refuses 1,000 requests a second for 10 s with typed errors, and the server stays small',
    { timeout: 120_000 },
    async () => {
      const load = await startLoadServer()
      const client = await connect(load.server)
      const before = (await load.stats()).rss
      const seconds = 10
      const perTick = 10
      let sent = 0
      // 10 requests every 10 ms: 1,000 a second, stopping by itself.
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          for (let i = 0; i < perTick; i += 1)
            client.send({ id: ++sent, name: 'runs.list', params: {} })
          if (sent >= seconds * 1_000) {
            clearInterval(timer)
            resolve()
          }
        }, 10)
      })
      await vi.waitFor(() => expect(client.messages).toHaveLength(sent), { timeout: 60_000 })
      const outcomes = new Map<string, number>()
      for (const message of client.messages) {
        const outcome =
          'response' in message
            ? message.response.ok
              ? 'answered'
              : message.response.error.code
            : 'error' in message
              ? message.error.code
              : 'event'
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
      }
      const growth = (await load.stats()).rss - before
      console.log(
        `[load] flood: ${sent} requests in ${seconds} s:`,
        Object.fromEntries(outcomes),
        `server RSS grew ${mb(growth)}`
      )
      expect([...outcomes.keys()].sort()).toEqual(['answered', 'rate_limited'])
      expect(answerTo(client, sent)).toBeDefined()
      expect(growth).toBeLessThan(50 * MB)
    }
  )
})

describe('clients of one training run', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    const host = testHost(realEngineLauncher())
    await host.start()
    server = await startTestServer({ host })
  })
  afterAll(releaseAll)

  const config = seedTrainConfig({ epochs: 3, trainFraction: 0.128, batchSize: 128, workers: 1 })

  it('20 clients each get every epoch and status event, in order', async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => connect(server)))
    const seen: AnyLabEvent[] = []
    const unsubscribe = server.host.onEvent((event) => seen.push(event))
    clients[0]!.send({ id: 1, name: 'train.start', params: { config } })
    await vi.waitFor(() => expect(answerTo(clients[0]!, 1)).toBeDefined(), { timeout: 60_000 })
    const answer = answerTo(clients[0]!, 1)!
    if (!('response' in answer) || !answer.response.ok) throw new Error(JSON.stringify(answer))
    const { runId } = answer.response.value as { runId: string }
    for (const client of clients) {
      await vi.waitFor(
        () => expect(milestones(eventsOf(client), runId)).toContain('status completed'),
        {
          timeout: 120_000
        }
      )
    }
    unsubscribe()
    const expected = milestones(seen, runId)
    expect(expected).toEqual([
      'status running',
      'epoch 1',
      'epoch 2',
      'epoch 3',
      'status completed'
    ])
    for (const client of clients) expect(milestones(eventsOf(client), runId)).toEqual(expected)
    console.log(`[load] ${clients.length} clients held through a ${config.epochs}-epoch run`)
  })

  it('two clients starting a run at the same moment: exactly one starts, the other is told a run is training', async () => {
    const [a, b] = await Promise.all([connect(server), connect(server)])
    a.send({ id: 1, name: 'train.start', params: { config: { ...config, epochs: 50 } } })
    b.send({ id: 1, name: 'train.start', params: { config: { ...config, epochs: 50 } } })
    await vi.waitFor(() => expect([answerTo(a, 1), answerTo(b, 1)].every(Boolean)).toBe(true), {
      timeout: 60_000
    })
    const responses = [answerTo(a, 1), answerTo(b, 1)].map((m) =>
      'response' in m! ? m.response : null
    )
    const started = responses.filter((r) => r?.ok)
    const refused = responses.filter((r) => r && !r.ok)
    expect(started).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({
      ok: false,
      error: { code: 'job_running', message: expect.stringContaining('a training run is running') }
    })
    const { runId } = (started[0] as { value: { runId: string } }).value
    await server.host.handle('train.stop', { runId })
    const runs = await server.host.handle('runs.list', {})
    expect(runs.ok && (runs.value as { id: string }[]).filter((r) => r.id === runId)).toHaveLength(
      1
    )
  })
})
