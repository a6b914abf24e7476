/**
 * Backend "auto" that measures (issue 14): every available backend times a few
 * training steps of the run's model kind, and the fastest wins, because a GPU
 * can lose to the CPU on a small MLP. Pure: measuring and the cache file live
 * in measure.ts. tensorflow-gpu is opt-in only and never measured here.
 */
import { z } from 'zod'
import type {
  AutoCandidate,
  AutoPick,
  BackendName,
  LabErrorText,
  ModelSpec
} from '../../../shared/contract'
import { backendSchema, LabError, labErrorTextSchema } from '../../../shared/contract'

/** What auto measures, best first (the order breaks ties). Never tensorflow-gpu. */
export const autoCandidates = ['webgpu', 'webgl', 'tensorflow', 'wasm', 'cpu'] as const

/**
 * One backend's outcome: its time per step, or why it could not run (in English,
 * and as a catalogue message when the why is the lab's own rather than a foreign process's).
 */
export type Measurement =
  | { backend: BackendName; msPerStep: number; software?: boolean }
  | { backend: BackendName; unavailable: string; unavailableText?: LabErrorText }

const optIn: Pick<AutoCandidate, 'reason' | 'reasonText'> = {
  reason:
    'Never tried by auto: opt-in only (--backend tensorflow-gpu), as it needs CUDA 11.2 and cuDNN 8.1.',
  reasonText: { key: 'backend.auto.reason.optIn' }
}

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
    throw new LabError(
      'engine_unavailable',
      `Backend "auto" could not time any backend (${why.join('; ')}).`,
      {
        key: 'backend.errors.autoTimedNone',
        params: { backends: measurements.map((m) => m.backend).join(', ') }
      }
    )
  }
  const candidates = autoCandidates.map((backend): AutoCandidate => {
    const m = measurements.find((x) => x.backend === backend)
    if (!m) {
      return {
        backend,
        chosen: false,
        reason: 'Not measured.',
        reasonText: { key: 'backend.auto.reason.notMeasured' }
      }
    }
    if ('unavailable' in m) {
      return {
        backend,
        chosen: false,
        reason: `Not available: ${m.unavailable}`,
        // The lab's own why in catalogue words; a library's as it is.
        reasonText: {
          key: 'backend.auto.reason.unavailable',
          params: { why: m.unavailableText ?? m.unavailable }
        }
      }
    }
    // A time on a software adapter has messages of its own (…Software) in the catalogue.
    const software = m.software === true
    const timed = `${formatMs(m.msPerStep)} ms per step${software ? ' on a software adapter' : ''}`
    const ms = m.msPerStep
    if (m.backend === winner.backend) {
      const measured = eligible.length
      return {
        backend,
        msPerStep: ms,
        chosen: true,
        ...(measured > 1
          ? {
              reason: `Fastest: ${timed}, of ${measured} measured.`,
              reasonText: software
                ? { key: 'backend.auto.reason.fastestSoftware', params: { ms, measured } }
                : { key: 'backend.auto.reason.fastest', params: { ms, measured } }
            }
          : {
              reason: `The only one that ran: ${timed}.`,
              reasonText: software
                ? { key: 'backend.auto.reason.onlyOneSoftware', params: { ms } }
                : { key: 'backend.auto.reason.onlyOne', params: { ms } }
            })
      }
    }
    if (software && !options.allowSoftware) {
      return {
        backend,
        msPerStep: ms,
        chosen: false,
        reason: `Software adapter, a GPU emulated on the CPU (${timed}): auto never picks one unless software is allowed.`,
        reasonText: { key: 'backend.auto.reason.softwareNotAllowed', params: { ms } }
      }
    }
    const ratio = ms / winner.msPerStep
    const winnerMs = winner.msPerStep
    return {
      backend,
      msPerStep: ms,
      chosen: false,
      reason: `Slower: ${timed}, ${ratio.toFixed(1)}× the ${formatMs(winnerMs)} ms of ${winner.backend}.`,
      reasonText: software
        ? {
            key: 'backend.auto.reason.slowerSoftware',
            params: { ms, ratio, winnerMs, winner: winner.backend }
          }
        : {
            key: 'backend.auto.reason.slower',
            params: { ms, ratio, winnerMs, winner: winner.backend }
          }
    }
  })
  candidates.push({ backend: 'tensorflow-gpu', chosen: false, ...optIn })
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
      reason: z.string(),
      // Picks cached before the catalogue worded them have none: they are measured again.
      reasonText: labErrorTextSchema
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
