import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeBackendNames, type SystemInfo } from '../../../shared/contract'
import { defaultModelSpec } from '../../../shared/model-summary'
import { LabHost } from '../host'
import { realEngineLauncher, repoResourcesDir } from '../testing/real-engine'
import { autoBackend, autoCachePath } from './measure'

const home = mkdtempSync(join(tmpdir(), 'lab-auto-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))

describe('backend auto on this machine (no GPU engine)', () => {
  const host = new LabHost({
    home,
    resourcesDir: repoResourcesDir,
    appVersion: '0.0.0-test',
    launcher: realEngineLauncher()
  })
  afterAll(() => host.stop())

  it('times the Node backends, picks one, caches it, and the next call reads the cache', async () => {
    const ctx = host.context
    let spawned = 0
    const spawn = ctx.spawnEngine!
    ctx.spawnEngine = (hooks) => {
      spawned += 1
      return spawn(hooks)
    }
    expect(existsSync(autoCachePath(ctx))).toBe(false)

    const first = await autoBackend(ctx, defaultModelSpec, 64)
    expect(nodeBackendNames).toContain(first.backend)
    expect(first.modelKind).toBe('mlp')
    const chosen = first.candidates.find((c) => c.chosen)!
    expect(chosen.backend).toBe(first.backend)
    expect(chosen.msPerStep).toBeGreaterThan(0)
    // No GPU engine here: both GPU backends say so; the opt-in one was never tried.
    for (const gpu of ['webgpu', 'webgl']) {
      const candidate = first.candidates.find((c) => c.backend === gpu)
      expect(candidate?.reason).toMatch(/Not available: This lab was started without a GPU engine/)
      // The app words it from the catalogue: the reason's message, with the GPU engine's own as {why}.
      expect(candidate?.reasonText).toEqual({
        key: 'backend.auto.reason.unavailable',
        params: { why: { key: 'gpu.errors.noGpuEngine' } }
      })
    }
    expect(chosen.reasonText.params).toMatchObject({ ms: chosen.msPerStep })
    expect(first.candidates.find((c) => c.backend === 'tensorflow-gpu')?.reason).toMatch(/opt-in/)
    expect(spawned).toBe(1)

    const file = JSON.parse(readFileSync(autoCachePath(ctx), 'utf8')) as {
      machines: Record<string, Record<string, unknown>>
    }
    expect(Object.values(file.machines)[0]?.mlp).toEqual(first)

    const second = await autoBackend(ctx, defaultModelSpec, 64)
    expect(second).toEqual(first)
    expect(spawned, 'a cache hit starts no engine').toBe(1)

    const info = await host.handle('system.info', {})
    if (!info.ok) throw new Error(info.error.message)
    expect((info.value as SystemInfo).autoPicks).toEqual([first])
  })
})
