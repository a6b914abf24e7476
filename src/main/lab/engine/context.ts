import type { AnyLabEvent, RunRecord } from '../../../shared/contract'
import type { LoadedDataset } from '../datasets/load'
import type { LabPaths } from '../paths'
import type { EngineInfo, EngineMethod, EngineMethods } from './protocol'
import type { RunFiles } from './run-files'
import type { StepWorkers } from './step/plan'
import type { TrainingSession } from './train/session'

/**
 * What an engine's host provides the core: run records, datasets and run
 * folders. The Node engine process reads them from disk itself
 * (node-services.ts); the GPU engine page asks its host (remote-services.ts).
 */
export interface EngineServices {
  record(runId: string): Promise<RunRecord>
  dataset(datasetId: string): Promise<LoadedDataset>
  files(runId: string): RunFiles
  /** Worker threads that split each batch, where the host has them (Node); a page has none. */
  stepWorkers?: StepWorkers
}

/** What every engine, Node process or GPU page, gives its handlers. */
export interface EngineCoreContext {
  info: EngineInfo
  emit(event: AnyLabEvent): void
  /** The run this engine trains: one at a time, as the host's job slot admits one. */
  training: { session: TrainingSession | null }
  services: EngineServices
}

/** The Node engine process's context: it also reaches the lab's folders directly. */
export interface EngineContext extends EngineCoreContext {
  paths: LabPaths
  resourcesDir: string
}

export type EngineHandlers<M extends EngineMethod, C extends EngineCoreContext = EngineContext> = {
  [K in M]: (params: EngineMethods[K]['params'], ctx: C) => Promise<EngineMethods[K]['result']>
}
