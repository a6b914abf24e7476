import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { requestNames, type AnyLabEvent, type SystemInfo } from '../../shared/contract'
import type { EngineLauncher } from './launch/channel'
import type { EngineToHost } from './engine/protocol'
import { LabHost } from './host'
import { realEngineLauncher, repoResourcesDir } from './testing/real-engine'

const homes: string[] = []
afterAll(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true })
})

function freshHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'lab-host-'))
  homes.push(home)
  return home
}

describe('LabHost validation', () => {
  // Validation must happen before any work: the engine is never even started.
  let launches = 0
  const countingLauncher: EngineLauncher = () => {
    launches += 1
    throw new Error('no engine should start for an invalid request')
  }
  const host = new LabHost({
    home: freshHome(),
    resourcesDir: repoResourcesDir,
    appVersion: '0.0.0-test',
    launcher: countingLauncher
  })

  const malformed: [string, unknown][] = [
    ['a string', 'not an object'],
    ['an array', [1, 2, 3]],
    ['an unknown field', { unexpected: true }],
    ['a number', 42]
  ]

  for (const name of requestNames) {
    for (const [what, payload] of malformed) {
      it(`"${name}" rejects ${what} with a typed invalid_request error`, async () => {
        const response = await host.handle(name, payload)
        expect(response.ok).toBe(false)
        if (response.ok) return
        expect(response.error.code).toBe('invalid_request')
        expect(response.error.message).toContain(`"${name}"`)
        expect(response.error.message).not.toMatch(/\n\s+at /)
        expect(launches).toBe(0)
      })
    }
  }

  it('names the wrong fields in words the page can put in the user’s language', async () => {
    const response = await host.handle('runs.rename', { runId: 'r-1', name: 42 })
    expect(response.ok).toBe(false)
    if (response.ok) return
    expect(response.error.message).toMatch(/^"runs.rename" was sent invalid input: name: /)
    expect(response.error.text).toEqual({
      key: 'errors.invalidFields',
      params: { request: 'runs.rename', fields: 'name' }
    })
  })

  it('rejects a request name that is not in the contract', async () => {
    const response = await host.handle('system.shell', {})
    expect(response).toEqual({
      ok: false,
      error: { code: 'unknown_request', message: '"system.shell" is not a request the lab knows.' }
    })
  })

  it('rejects a non-string request name', async () => {
    const response = await host.handle({ toString: () => 'x' }, {})
    expect(response.ok).toBe(false)
    if (!response.ok) expect(response.error.code).toBe('unknown_request')
    expect(launches).toBe(0)
  })
})

describe('LabHost with the real engine process', () => {
  const host = new LabHost({
    home: freshHome(),
    resourcesDir: repoResourcesDir,
    appVersion: '0.0.0-test',
    launcher: realEngineLauncher()
  })
  afterAll(() => host.stop())

  it('answers system.info from the engine, with the backend it chose and why not better ones', async () => {
    await host.start()
    const response = await host.handle('system.info', {})
    expect(response.ok).toBe(true)
    if (!response.ok) return
    const info = response.value as SystemInfo
    expect(info.engine.pid).not.toBe(process.pid)
    expect(info.tfjsVersion).toBe('4.22.0')
    const chosen = info.attempts.find((a) => a.loaded)
    expect(chosen?.backend).toBe(info.backend)
    for (const skipped of info.attempts.filter((a) => !a.loaded)) {
      expect(skipped.reason, `${skipped.backend} needs a reason`).toBeTruthy()
      // The status bar words it from the catalogue: the GPU engine's, the Node engine's.
      expect(skipped.reasonText?.key, `${skipped.backend} needs catalogue words`).toMatch(
        /^(backend\.attempt|gpu\.errors)\./
      )
    }
  })

  it('serves the next request from a new engine after the engine is killed', async () => {
    const first = await host.handle('system.info', {})
    if (!first.ok) throw new Error(first.error.message)
    const pid = (first.value as SystemInfo).engine.pid
    // Once the host has seen the crash, the next request waits for the replacement engine.
    const crashed = new Promise<void>((resolve) => {
      const off = host.onEvent((event: AnyLabEvent) => {
        if (event.name === 'engine.status' && event.payload.state === 'crashed') {
          off()
          resolve()
        }
      })
    })
    process.kill(pid, 'SIGKILL')
    await crashed
    const second = await host.handle('system.info', {})
    expect(second.ok).toBe(true)
    if (second.ok) expect((second.value as SystemInfo).engine.pid).not.toBe(pid)
  })
})

describe('LabHost relaying engine events', () => {
  it('keeps relaying after an event it cannot record', async () => {
    let deliver: (message: EngineToHost) => void = () => undefined
    const scripted: EngineLauncher = () => ({
      pid: undefined,
      send: () => undefined,
      onMessage: (listener) => {
        deliver = listener
      },
      onExit: () => undefined,
      kill: () => undefined
    })
    const host = new LabHost({
      home: freshHome(),
      resourcesDir: repoResourcesDir,
      appVersion: '0.0.0-test',
      launcher: scripted
    })
    const heard = new Promise<AnyLabEvent>((resolve) => {
      host.onEvent((event) => {
        if (event.name === 'train.batch') resolve(event)
      })
    })
    void host.engine.start().catch(() => undefined)
    // No payload: recording it throws.
    deliver({ type: 'event', event: { name: 'train.epoch' } as unknown as AnyLabEvent })
    const batch = {
      name: 'train.batch',
      payload: { runId: 'r1', epoch: 1, step: 2, loss: 0.5, samplesPerSecond: 10 }
    } as unknown as AnyLabEvent
    deliver({ type: 'event', event: batch })
    expect(await heard).toEqual(batch)
  })
})
