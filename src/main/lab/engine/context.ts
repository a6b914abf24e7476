import type { AnyLabEvent } from '../../../shared/contract'
import type { LabPaths } from '../paths'
import type { EngineInfo, EngineMethod, EngineMethods } from './protocol'
import type { TrainingSession } from './train/session'

/** What every engine-side handler gets: where things live and how to report progress. */
export interface EngineContext {
  paths: LabPaths
  resourcesDir: string
  info: EngineInfo
  emit(event: AnyLabEvent): void
  /** The run this engine trains: one at a time, as the host's job slot admits one. */
  training: { session: TrainingSession | null }
}

export type EngineHandlers<M extends EngineMethod> = {
  [K in M]: (
    params: EngineMethods[K]['params'],
    ctx: EngineContext
  ) => Promise<EngineMethods[K]['result']>
}
