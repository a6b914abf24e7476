/**
 * Property tests of the WebSocket server against raw frames: whatever a client
 * sends, it gets one answer in the wire contract, or its connection alone is
 * closed, and the server keeps serving.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  labErrorCodes,
  maxClientMessageBytes,
  requestNames,
  wireCloseCodes
} from '../shared/contract'
import { hostileValue, prototypeSnapshot } from '../shared/testing/hostile'
import { homeSnapshot } from '../main/lab/testing/home-snapshot'
import {
  connect,
  releaseAll,
  startTestServer,
  tempDir,
  testHost,
  type TestClient
} from './testing/lab-server'

const casesPerProperty = 1_000
/**
 * A hang detector, not a speed test: a frame is answered in about a millisecond,
 * but this test shares two cores with the rest of the suite.
 */
const answerWithinMs = 5_000

/** JSON.stringify gives up on deep nesting and BigInt; such a value is sent as other text. */
function stringifyOrNot(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined'
  } catch {
    return Object.prototype.toString.call(value)
  }
}

const frame: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.constant('['.repeat(10_000) + ']'.repeat(10_000)),
  fc.constant(`{"id":1,"name":"runs.list","params":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
  fc
    .record({
      id: fc.oneof(fc.integer({ min: -5, max: 1e6 }), fc.double(), fc.string(), fc.constant(null)),
      name: fc.oneof(fc.constantFrom(...requestNames), fc.string({ maxLength: 120 })),
      params: hostileValue
    })
    .map(stringifyOrNot),
  fc
    .constantFrom(...requestNames)
    .map((name) => `{"id":3,"name":"${name}","params":{"__proto__":{"polluted":1}}}`)
)

let server: Awaited<ReturnType<typeof startTestServer>>
let client: TestClient
const home = tempDir('lab-wire-fuzz-')

beforeAll(async () => {
  server = await startTestServer({
    host: testHost(undefined, home),
    // Fuzzing is about parsing: let every frame through the rate limit.
    limits: { burst: 1e9, perSecond: 1e9 }
  })
  client = await connect(server)
})
afterAll(releaseAll)

describe('the lab socket under random frames', () => {
  it(`answers ${casesPerProperty} random frames each with one typed message and keeps the connection`, async () => {
    const homeBefore = homeSnapshot(home)
    const prototypeBefore = prototypeSnapshot()
    await fc.assert(
      // Oversize frames close the connection: the next property covers them.
      fc.asyncProperty(
        frame.filter((text) => Buffer.byteLength(text) <= maxClientMessageBytes),
        async (text) => {
          const before = client.replies.length
          client.send(text)
          await vi.waitFor(() => expect(client.replies.length).toBe(before + 1), {
            timeout: answerWithinMs,
            interval: 1
          })
          const reply = client.replies[before]!
          const error =
            'error' in reply
              ? reply.error
              : 'response' in reply && !reply.response.ok
                ? reply.response.error
                : null
          if (error) expect(labErrorCodes).toContain(error.code)
        }
      ),
      { numRuns: casesPerProperty }
    )
    expect(client.strays).toEqual([])
    expect(homeSnapshot(home)).toEqual(homeBefore)
    expect(prototypeSnapshot()).toEqual(prototypeBefore)
  })

  it('closes only the sender of an oversize frame, with 1009', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: maxClientMessageBytes + 1, max: 4 * maxClientMessageBytes }),
        async (size) => {
          const offender = await connect(server)
          offender.send('{'.repeat(size))
          expect((await offender.closed).code).toBe(wireCloseCodes.tooBig)
        }
      ),
      { numRuns: 20 }
    )
    const before = client.replies.length
    client.send({ id: 99, name: 'runs.list', params: {} })
    await vi.waitFor(() => expect(client.replies.length).toBe(before + 1))
    expect(client.replies[before]).toEqual({ id: 99, response: { ok: true, value: [] } })
  })
})
