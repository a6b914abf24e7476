/**
 * Backend "auto" that measures (issue 14): every available backend times a few
 * training steps of the run's model kind, and the fastest wins, because a GPU
 * can lose to the CPU on a small MLP. Pure: measuring and the cache file live
 * in measure.ts. tensorflow-gpu is opt-in only and never measured here.
 */
import { z } from 'zod'
import type { AutoCandidate, AutoPick, BackendName, ModelSpec } from '../../../shared/contract'
import { backendSchema } from '../../../shared/contract'

/** What auto measures, best first (the order breaks ties). Never tensorflow-gpu. */
export const autoCandidates = ['webgpu', 'webgl', 'tensorflow', 'wasm', 'cpu'] as const

/** One backend's outcome: its time per step, or why it could not run. */
export type Measurement =
  | { backend: BackendName; msPerStep: number; software?: boolean }
  | { backend: BackendName; unavailable: string }

const optInReason =
  'Never tried by auto: opt-in only (--backend tensorflow-gpu), as it needs CUDA 11.2 and cuDNN 8.1.'

function formatMs(ms: number): string {
  return ms >= 10 ? ms.toFixed(0) : ms.toPrecision(2)
}

/**
 * The fastest eligible backend and a sentence for every candidate. A software
 * adapter (SwiftShader) is no real GPU: never picked unless the user allowed it.
 */
export function pickFastest(
  modelKind: ModelSpec['kind'],
  measurements: readonly Measurement[],
  options: { allowSoftware: boolean; measuredAt: string }
): AutoPick {
  const rank = (backend: BackendName): number =>
    (autoCandidates as readonly string[]).indexOf(backend)
  const eligible = measurements
    .filter(
      (m): m is Extract<Measurement, { msPerStep: number }> =>
        'msPerStep' in m &&
        Number.isFinite(m.msPerStep) &&
        m.msPerStep > 0 &&
        (options.allowSoftware || m.software !== true)
    )
    .sort((a, b) => a.msPerStep - b.msPerStep || rank(a.backend) - rank(b.backend))
  const winner = eligible[0]
  if (!winner) {
    const why = measurements.map(
      (m) => `${m.backend}: ${'unavailable' in m ? m.unavailable : 'software adapter'}`
    )
    throw new Error(`Backend "auto" could not time any backend (${why.join('; ')}).`)
  }
  const candidates: AutoCandidate[] = autoCandidates.map((backend) => {
    const m = measurements.find((x) => x.backend === backend)
    if (!m) return { backend, chosen: false, reason: 'Not measured.' }
    if ('unavailable' in m)
      return { backend, chosen: false, reason: `Not available: ${m.unavailable}` }
    const timed = `${formatMs(m.msPerStep)} ms per step${m.software === true ? ' on a software adapter' : ''}`
    if (m.backend === winner.backend) {
      const rivals = eligible.length - 1
      return {
        backend,
        msPerStep: m.msPerStep,
        chosen: true,
        reason:
          rivals > 0
            ? `Fastest: ${timed}, of ${eligible.length} measured.`
            : `The only one that ran: ${timed}.`
      }
    }
    if (m.software === true && !options.allowSoftware) {
      return {
        backend,
        msPerStep: m.msPerStep,
        chosen: false,
        reason: `Software adapter, a GPU emulated on the CPU (${timed}): auto never picks one unless software is allowed.`
      }
    }
    const ratio = m.msPerStep / winner.msPerStep
    return {
      backend,
      msPerStep: m.msPerStep,
      chosen: false,
      reason: `Slower: ${timed}, ${ratio.toFixed(1)}× the ${formatMs(winner.msPerStep)} ms of ${winner.backend}.`
    }
  })
  candidates.push({ backend: 'tensorflow-gpu', chosen: false, reason: optInReason })
  return { modelKind, backend: winner.backend, measuredAt: options.measuredAt, candidates }
}

/** The cache file in the lab's home: picks per machine, per model kind. */
export const autoCacheFileName = 'backend-auto.json'

const pickSchema = z.object({
  modelKind: z.enum(['mlp', 'cnn']),
  backend: backendSchema,
  measuredAt: z.string(),
  candidates: z.array(
    z.object({
      backend: backendSchema,
      msPerStep: z.number().optional(),
      chosen: z.boolean(),
      reason: z.string()
    })
  )
})
const cacheSchema = z.object({
  version: z.literal(1),
  machines: z.record(z.string(), z.record(z.string(), pickSchema))
})
export type AutoCache = z.infer<typeof cacheSchema>

export const emptyAutoCache = (): AutoCache => ({ version: 1, machines: {} })

/** A damaged or foreign cache only costs a new measurement. */
export function parseAutoCache(text: string | null): AutoCache {
  if (text === null) return emptyAutoCache()
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : emptyAutoCache()
  } catch {
    return emptyAutoCache()
  }
}

/**
 * Which machine a pick belongs to: a home can move between machines (a synced
 * folder). Whether software adapters were allowed is part of it, as it changes what may win.
 */
export function machineKey(facts: {
  platform: string
  arch: string
  cpuModel: string
  cpus: number
  allowSoftware: boolean
}): string {
  return [
    facts.platform,
    facts.arch,
    facts.cpuModel.trim(),
    `${facts.cpus} cpus`,
    facts.allowSoftware ? 'software allowed' : 'real GPUs only'
  ].join(' | ')
}

export function cachedPick(
  cache: AutoCache,
  machine: string,
  kind: ModelSpec['kind']
): AutoPick | null {
  return cache.machines[machine]?.[kind] ?? null
}

export function cachedPicks(cache: AutoCache, machine: string): AutoPick[] {
  return Object.values(cache.machines[machine] ?? {})
}

export function withPick(cache: AutoCache, machine: string, pick: AutoPick): AutoCache {
  return {
    ...cache,
    machines: {
      ...cache.machines,
      [machine]: { ...cache.machines[machine], [pick.modelKind]: pick }
    }
  }
}
