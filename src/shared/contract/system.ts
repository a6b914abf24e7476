import { z } from 'zod'
import type { LabErrorText } from '../errors'
import type { ModelSpec, StepChoice } from './training'

export const backendNames = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const
export const backendSchema = z.enum(backendNames)
export type BackendName = z.infer<typeof backendSchema>

/** What a user can ask for: a specific backend, or the best that loads. */
export const backendChoiceSchema = z.enum(['auto', ...backendNames])
export type BackendChoice = z.infer<typeof backendChoiceSchema>

export interface BackendAttempt {
  backend: BackendName
  loaded: boolean
  /** Why it did not load (or was not tried); absent for the one that runs. */
  reason?: string
}

export interface SystemInfo {
  appVersion: string
  tfjsVersion: string
  nodeVersion: string
  backend: BackendName
  backendChoice: BackendChoice
  attempts: BackendAttempt[]
  engine: { pid: number; startedAt: string }
  paths: { home: string; datasets: string; runs: string }
  /** How a training step of each model kind runs on this backend. */
  steps: Record<ModelSpec['kind'], StepChoice>
}

export type EngineState = 'starting' | 'ready' | 'crashed'

export interface EngineStatusEvent {
  state: EngineState
  message?: string
  /** The catalogue's words for `message`, so the UI can say it in the user's language. */
  text?: LabErrorText
  backend?: BackendName
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
