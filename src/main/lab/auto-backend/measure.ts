/**
 * Host side of backend "auto": reads the pick cached in the lab's home
 * (backend-auto.json), or times a few steps on each available backend and
 * caches what choice.ts picks. Node backends are timed in one throwaway engine
 * (it switches its tfjs backend between them); GPU backends in the GPU engine,
 * which refuses software adapters unless they were allowed.
 */
import { readFile } from 'node:fs/promises'
import { arch, cpus, platform } from 'node:os'
import { join } from 'node:path'
import { LabError, type AutoPick, type BackendName, type ModelSpec } from '../../../shared/contract'
import type { HostContext } from '../context'
import type { EngineClient } from '../engine-client'
import { writeJsonAtomic } from '../fs-atomic'
import {
  autoCacheFileName,
  cachedPick,
  cachedPicks,
  machineKey,
  parseAutoCache,
  pickFastest,
  withPick,
  type AutoCache,
  type Measurement
} from './choice'

/** A few steps each keeps the whole measurement to seconds, not minutes. */
const timedSteps = 3
/** No backend may hold auto up longer than this, Chromium's start included. */
const perBackendLimitMs = 15_000

export function autoCachePath(ctx: HostContext): string {
  return join(ctx.paths.home, autoCacheFileName)
}

/** This machine's key in the cache (choice.ts machineKey). */
export function thisMachine(ctx: HostContext): string {
  const cores = cpus()
  return machineKey({
    platform: platform(),
    arch: arch(),
    cpuModel: cores[0]?.model ?? 'unknown cpu',
    cpus: cores.length,
    allowSoftware: ctx.gpu.allowSoftware
  })
}

async function readCache(ctx: HostContext): Promise<AutoCache> {
  const text = await readFile(autoCachePath(ctx), 'utf8').catch(() => null)
  return parseAutoCache(text)
}

/** What auto picked on this machine so far, one per model kind (for system.info). */
export async function autoPicksSoFar(ctx: HostContext): Promise<AutoPick[]> {
  return cachedPicks(await readCache(ctx), thisMachine(ctx))
}

/** The backend auto runs `model` on: cached, or measured now and cached. */
export async function autoBackend(
  ctx: HostContext,
  model: ModelSpec,
  batchSize: number
): Promise<AutoPick> {
  const cache = await readCache(ctx)
  const machine = thisMachine(ctx)
  const hit = cachedPick(cache, machine, model.kind)
  if (hit) return hit
  const params = { model, batchSize, steps: timedSteps }
  const measurements = [...(await measureGpu(ctx, params)), ...(await measureNode(ctx, params))]
  const pick = pickFastest(model.kind, measurements, {
    allowSoftware: ctx.gpu.allowSoftware,
    measuredAt: new Date().toISOString()
  })
  // Re-read: another kind may have been measured meanwhile.
  await writeJsonAtomic(autoCachePath(ctx), withPick(await readCache(ctx), machine, pick))
  return pick
}

type StepParams = { model: ModelSpec; batchSize: number; steps: number }

async function timeOn(
  engine: EngineClient,
  backend: BackendName,
  params: StepParams,
  software?: boolean
): Promise<Measurement> {
  try {
    const result = await withinLimit(engine.request('engine.timeSteps', { backend, ...params }))
    return 'unavailable' in result
      ? { backend, ...result }
      : { backend, msPerStep: result.msPerStep, ...(software ? { software } : {}) }
  } catch (error) {
    return unavailable(backend, error)
  }
}

/** Why `backend` could not be timed: the error's sentence, and its catalogue words when it has them. */
function unavailable(backend: BackendName, error: unknown): Measurement {
  if (error instanceof LabError && error.text) {
    return { backend, unavailable: error.message, unavailableText: error.text }
  }
  return { backend, unavailable: error instanceof Error ? error.message : String(error) }
}

async function measureGpu(ctx: HostContext, params: StepParams): Promise<Measurement[]> {
  const measurements: Measurement[] = []
  for (const backend of ['webgpu', 'webgl'] as const) {
    try {
      // Refused (with the reason) when there is no GPU engine, no adapter, or only a software one not allowed.
      const engine = await withinLimit(ctx.gpu.use(backend))
      measurements.push(await timeOn(engine, backend, params, engine.info?.adapter?.software))
    } catch (error) {
      measurements.push(unavailable(backend, error))
    }
  }
  // The GPU engine starts again when a run asks for it; until then Chromium need not idle.
  if (ctx.gpu.client && ctx.gpu.preferred === null) await ctx.gpu.stop()
  return measurements
}

async function measureNode(ctx: HostContext, params: StepParams): Promise<Measurement[]> {
  const backends = ['tensorflow', 'wasm', 'cpu'] as const
  if (!ctx.spawnEngine) {
    return backends.map((backend) => ({
      backend,
      unavailable: 'No engine to measure with.',
      unavailableText: { key: 'backend.auto.unavailable.noEngine' }
    }))
  }
  const engine = ctx.spawnEngine({ onEvent: () => undefined, onStatus: () => undefined })
  try {
    const measurements: Measurement[] = []
    for (const backend of backends) measurements.push(await timeOn(engine, backend, params))
    return measurements
  } finally {
    await engine.stop()
  }
}

function withinLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    const seconds = perBackendLimitMs / 1000
    timer = setTimeout(
      () =>
        reject(
          new LabError('engine_unavailable', `No answer within ${seconds} s.`, {
            key: 'backend.auto.unavailable.noAnswer',
            params: { seconds }
          })
        ),
      perBackendLimitMs
    )
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}
