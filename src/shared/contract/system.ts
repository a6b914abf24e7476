import { z } from 'zod'
import type { LabErrorText } from '../errors'
import type { ModelSpec, StepChoice } from './training'

/** Backends of the GPU engine page (a Chromium renderer), best first. */
export const gpuBackendNames = ['webgpu', 'webgl'] as const
/** Backends of the Node engine process, best first. */
export const nodeBackendNames = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const
export const backendNames = [...gpuBackendNames, ...nodeBackendNames] as const
export const backendSchema = z.enum(backendNames)
export type BackendName = z.infer<typeof backendSchema>

/** What a user can ask for: a specific backend, or the best that loads. */
export const backendChoiceSchema = z.enum(['auto', ...backendNames])
export type BackendChoice = z.infer<typeof backendChoiceSchema>

export type GpuBackendName = (typeof gpuBackendNames)[number]
export type NodeBackendName = (typeof nodeBackendNames)[number]

export function isGpuBackend(name: string): name is GpuBackendName {
  return (gpuBackendNames as readonly string[]).includes(name)
}

/**
 * The device a GPU backend runs on, as Chromium reports it. `software` marks an
 * adapter that emulates a GPU on the CPU (SwiftShader): it trains correctly, but slowly.
 */
export interface GpuAdapter {
  vendor: string
  architecture: string
  software: boolean
}

export interface BackendAttempt {
  backend: BackendName
  loaded: boolean
  /** Why it did not load (or was not tried); absent for the one that runs. English, for the CLI. */
  reason?: string
  /** `reason` as the renderer's catalogue message and its values; present whenever `reason` is. */
  reasonText?: LabErrorText
}

/** How one backend fared when "auto" measured it (a few training steps each). */
export interface AutoCandidate {
  backend: BackendName
  /** Milliseconds per training step, when it ran. */
  msPerStep?: number
  chosen: boolean
  /** Why it was chosen, or why not: slower by how much, unavailable, software, opt-in only. English, for the CLI. */
  reason: string
  /**
   * `reason` as the renderer's catalogue message; its times are numbers the renderer formats.
   * An unavailable backend's {why} is a catalogue message of its own where the lab has the
   * words, else a foreign process's own (tfjs, Chromium) as they are.
   */
  reasonText: LabErrorText
}

/** What "auto" picked for a model kind on this machine, measured once and cached. */
export interface AutoPick {
  modelKind: ModelSpec['kind']
  backend: BackendName
  measuredAt: string
  candidates: AutoCandidate[]
}

export interface SystemInfo {
  appVersion: string
  tfjsVersion: string
  nodeVersion: string
  backend: BackendName
  backendChoice: BackendChoice
  attempts: BackendAttempt[]
  /** The GPU adapter, when a GPU backend (webgpu, webgl) runs. */
  adapter?: GpuAdapter
  engine: { pid: number; startedAt: string }
  paths: { home: string; datasets: string; runs: string }
  /** How a training step of each model kind runs on this backend. */
  steps: Record<ModelSpec['kind'], StepChoice>
  /** What "auto" measured and picked on this machine, per model kind measured so far. */
  autoPicks: AutoPick[]
}

export type EngineState = 'starting' | 'ready' | 'crashed'

export interface EngineStatusEvent {
  state: EngineState
  message?: string
  /** The catalogue's words for `message`, so the UI can say it in the user's language. */
  text?: LabErrorText
  backend?: BackendName
  adapter?: GpuAdapter
}

export const systemRequests = {
  'system.info': z.object({}).strict(),
  'system.setBackend': z.object({ backend: backendChoiceSchema }).strict()
} as const

export interface SystemResults {
  'system.info': SystemInfo
  'system.setBackend': SystemInfo
}

export interface SystemEvents {
  'engine.status': EngineStatusEvent
}
