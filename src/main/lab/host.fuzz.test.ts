/**
 * Property tests of LabHost against hostile payloads, for every request name in
 * the contract (a request added later is fuzzed without touching this file).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  labErrorCodes,
  labErrorInfoSchema,
  requestNames,
  requestSchemas,
  type LabResponse,
  type RequestName
} from '../../shared/contract'
import { hostilePayload, hostileValue, prototypeSnapshot } from '../../shared/testing/hostile'
import { LabHost } from './host'
import { homeSnapshot } from './testing/home-snapshot'
import { realEngineLauncher, repoResourcesDir } from './testing/real-engine'

/** At least 10,000 cases in all, spread evenly over the request names. */
const casesPerName = Math.ceil(10_000 / requestNames.length)
/** A hang detector, not a speed test: an invalid request is refused in microseconds. */
const answerWithinMs = 1_000

const home = mkdtempSync(join(tmpdir(), 'lab-fuzz-'))
const host = new LabHost({
  home,
  resourcesDir: repoResourcesDir,
  appVersion: '0.0.0-fuzz',
  launcher: realEngineLauncher()
})
let enginePid = 0

beforeAll(async () => {
  await host.start()
  const info = await host.handle('system.info', {})
  if (!info.ok) throw new Error(`the engine did not start: ${info.error.message}`)
  enginePid = (info.value as { engine: { pid: number } }).engine.pid
})
afterAll(async () => {
  await host.stop()
  rmSync(home, { recursive: true, force: true })
})

function keysOf(name: RequestName): string[] {
  const schema: unknown = requestSchemas[name]
  const shape = (schema as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

async function answered(name: unknown, params: unknown): Promise<LabResponse<RequestName>> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${answerWithinMs} ms to ${String(name)}`)),
      answerWithinMs
    )
  })
  try {
    return await Promise.race([host.handle(name, params), hang])
  } finally {
    clearTimeout(timer)
  }
}

/** A typed error a person can read, or a value that survives the wire. */
function expectWellFormed(response: LabResponse<RequestName>): void {
  if (response.ok) {
    expect(() => JSON.stringify(response.value)).not.toThrow()
    return
  }
  expect(labErrorCodes).toContain(response.error.code)
  // It crosses the wire as the contract describes it.
  expect(labErrorInfoSchema.safeParse(response.error).success).toBe(true)
  expect(response.error.message.length).toBeGreaterThan(0)
  expect(response.error.message.length).toBeLessThan(2_000)
  expect(response.error.message).not.toMatch(/\n\s+at /)
}

describe('LabHost under hostile payloads', () => {
  it(`answers ${casesPerName * requestNames.length} malformed requests (${casesPerName} per request name) with typed errors, writes nothing and stays up`, async () => {
    const prototypeBefore = prototypeSnapshot()
    const homeBefore = homeSnapshot(home)
    const codes = new Map<string, number>()
    for (const name of requestNames) {
      await fc.assert(
        fc.asyncProperty(hostilePayload(keysOf(name)), async (params) => {
          const response = await answered(name, params)
          expectWellFormed(response)
          const code = response.ok ? 'ok' : response.error.code
          codes.set(code, (codes.get(code) ?? 0) + 1)
        }),
        { numRuns: casesPerName }
      )
    }
    console.log(
      `[fuzz] LabHost: ${casesPerName * requestNames.length} cases over ${requestNames.length} request names:`,
      Object.fromEntries(codes)
    )
    expect(homeSnapshot(home)).toEqual(homeBefore)
    expect(prototypeSnapshot()).toEqual(prototypeBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const info = await host.handle('system.info', {})
    expect(info.ok && (info.value as { engine: { pid: number } }).engine.pid).toBe(enginePid)
  })

  it('refuses request names that are not strings in the contract', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .oneof(hostileValue, fc.string({ maxLength: 200 }))
          .filter((n) => !requestNames.includes(n as RequestName)),
        async (name) => {
          const response = await answered(name, {})
          expect(response.ok).toBe(false)
          if (!response.ok) expect(response.error.code).toBe('unknown_request')
        }
      ),
      { numRuns: 500 }
    )
  })
})
