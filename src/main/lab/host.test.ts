import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { requestNames, type SystemInfo } from '../../shared/contract'
import type { EngineLauncher } from './engine/channel'
import { LabHost } from './host'
import { realEngineLauncher, repoResourcesDir } from './testing/real-engine'

function freshHome(): string {
  return mkdtempSync(join(tmpdir(), 'lab-host-'))
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
      })
    }
  }

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
  })

  it('started no engine for any of the above', () => {
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
    }
  })

  it('serves the next request from a new engine after the engine is killed', async () => {
    const first = await host.handle('system.info', {})
    if (!first.ok) throw new Error(first.error.message)
    const pid = (first.value as SystemInfo).engine.pid
    process.kill(pid, 'SIGKILL')
    // The next request waits for the replacement engine.
    await new Promise((resolve) => setTimeout(resolve, 100))
    const second = await host.handle('system.info', {})
    expect(second.ok).toBe(true)
    if (second.ok) expect((second.value as SystemInfo).engine.pid).not.toBe(pid)
  })
})
