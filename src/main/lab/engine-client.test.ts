import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineStatusEvent } from '../../shared/contract'
import { EngineClient } from './engine-client'
import { forkLauncher } from './launch/fork'
import type { EngineLauncher } from './launch/channel'

const silentEngine = forkLauncher({ entry: join(__dirname, 'testing/silent-engine.mjs') })
const crashingEngine = forkLauncher({ entry: join(__dirname, 'testing/missing-engine.mjs') })

/** Every client and home a test made, so a failing test leaves no process or folder behind. */
const clients: EngineClient[] = []
const homes: string[] = []

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()))
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true })
})

function client(launcher: EngineLauncher, statuses: EngineStatusEvent[] = []): EngineClient {
  const home = mkdtempSync(join(tmpdir(), 'engine-client-'))
  homes.push(home)
  const engine = new EngineClient(
    launcher,
    { home, resourcesDir: home, backend: 'auto' },
    { onEvent: () => undefined, onStatus: (s) => statuses.push(s) }
  )
  clients.push(engine)
  return engine
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('EngineClient', () => {
  it('fails a request in flight with a clear error when the engine dies, then restarts it', async () => {
    const statuses: EngineStatusEvent[] = []
    const engine = client(silentEngine, statuses)
    const first = await engine.start()

    const inFlight = engine.request('explore.facts', { datasetId: 'mnist-sample' })
    process.kill(first.pid, 'SIGKILL')

    await expect(inFlight).rejects.toMatchObject({
      code: 'engine_crashed',
      message: expect.stringMatching(/killed by SIGKILL.*"explore\.facts"/)
    })
    expect(statuses.some((s) => s.state === 'crashed')).toBe(true)

    await until(() => engine.info !== null)
    expect(engine.info?.pid).not.toBe(first.pid)
    expect(statuses.at(-1)?.state).toBe('ready')
  })

  it('gives up after repeated start failures and says so', async () => {
    const statuses: EngineStatusEvent[] = []
    let launches = 0
    const counting: EngineLauncher = (options) => {
      launches += 1
      return crashingEngine(options)
    }
    const engine = client(counting, statuses)
    await expect(engine.start()).rejects.toMatchObject({
      code: 'engine_unavailable',
      message: expect.stringMatching(/^The engine process exited while starting \(exit code/),
      // The app words it from the catalogue; the English stays for the CLI.
      text: {
        key: 'errors.exitedWhileStarting',
        params: { how: expect.stringMatching(/^exit code/) }
      }
    })
    await until(() => statuses.filter((s) => s.state === 'crashed').length >= 3)
    // A restart is scheduled 250 ms after a crash and launches at once: after twice
    // that, a client that kept retrying would have launched a fourth time.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(launches).toBe(3)
    const crashes = statuses.filter((s) => s.state === 'crashed')
    expect(crashes).toHaveLength(3)
    expect(crashes[2].message).toMatch(/could not start.*3 times in a row/)
  })

  it('stops the engine gracefully on request', async () => {
    const exits: { code: number | null; signal: string | null }[] = []
    const watched: EngineLauncher = (options) => {
      const channel = silentEngine(options)
      channel.onExit((code, signal) => exits.push({ code, signal }))
      return channel
    }
    const engine = client(watched)
    const info = await engine.start()
    await engine.stop()
    // It left on its own after "shutdown", not by the kill that follows the grace period.
    expect(exits).toEqual([{ code: 0, signal: null }])
    expect(() => process.kill(info.pid, 0)).toThrow()
  })
})
