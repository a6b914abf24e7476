import type {
  EventName,
  LabEvents,
  ParsedParams,
  RequestName,
  RequestResult
} from '../../shared/contract'
import type { EngineClient } from './engine-client'
import type { GpuEngine } from './gpu-engine'
import type { JobSlot } from './jobs'
import type { LabPaths } from './paths'
import type { RunStore } from './runs/store'
import type { SpawnEngine } from './search/pool'

/** What every host-side handler gets. */
export interface HostContext {
  paths: LabPaths
  appVersion: string
  /** The bundled read-only files (the offline sample dataset). */
  resourcesDir: string
  engine: EngineClient
  /** The GPU engine (WebGPU, WebGL in Chromium), or why there is none. */
  gpu: GpuEngine
  runs: RunStore
  /** One job at a time: the policy lives in jobs.ts. */
  jobs: JobSlot
  /** Base URLs tried before the published mirrors when downloading (--mirror). */
  extraMirrors?: readonly string[]
  emit<E extends EventName>(name: E, payload: LabEvents[E]): void
  /** Starts an extra engine process (Tune's trial pool); absent where there is none. */
  spawnEngine?: SpawnEngine
}

export type HostHandlers<K extends RequestName> = {
  [N in K]: (params: ParsedParams<N>, ctx: HostContext) => Promise<RequestResult<N>>
}
