/**
 * Messages between LabHost and the engine process. Plain data only: they cross
 * Electron's utilityProcess port or Node's IPC channel by structured clone.
 */
import type {
  AnyLabEvent,
  BackendAttempt,
  BackendChoice,
  BackendName,
  GpuAdapter,
  LabErrorInfo,
  LabErrorText,
  ModelSpec,
  ParsedParams,
  RequestResult,
  RunRecord
} from '../../../shared/contract'
import type { LoadedDataset } from '../datasets/load'

export interface EngineInfo {
  pid: number
  startedAt: string
  tfjsVersion: string
  backend: BackendName
  backendChoice: BackendChoice
  attempts: BackendAttempt[]
  /** The GPU adapter, in the GPU engine page. */
  adapter?: GpuAdapter
}

/** How the host starts an engine: where data lives and which backend to use. */
export interface EngineStartOptions {
  home: string
  resourcesDir: string
  backend: BackendChoice
}

export interface EngineMethods {
  'engine.info': { params: Record<string, never>; result: EngineInfo }
  /** tf.memory() of the engine: tensors and bytes it holds now (tests check for growth). */
  'engine.memory': {
    params: Record<string, never>
    result: { numTensors: number; numBytes: number }
  }
  /**
   * Times a few training steps of `model` on `backend` (random inputs), for
   * backend "auto". The Node engine switches its tfjs backend to do so: the host
   * asks a throwaway engine, never the one that serves the lab.
   */
  'engine.timeSteps': {
    params: { backend: BackendName; model: ModelSpec; batchSize: number; steps: number }
    result: { msPerStep: number } | { unavailable: string; unavailableText?: LabErrorText }
  }
  /** Forget a dataset held in memory (it was deleted or re-imported). */
  'dataset.evict': { params: { datasetId: string }; result: { evicted: boolean } }
  /**
   * Start (or, with resume, continue from its checkpoint) the run whose run.json
   * the host has written. Resolves once training has started; progress arrives as events.
   */
  'train.start': {
    params: { runId: string; resume: boolean }
    result: { runId: string }
  }
  'explore.facts': { params: ParsedParams<'explore.facts'>; result: RequestResult<'explore.facts'> }
  'explore.samples': {
    params: ParsedParams<'explore.samples'>
    result: RequestResult<'explore.samples'>
  }
  'explore.scaling': {
    params: ParsedParams<'explore.scaling'>
    result: RequestResult<'explore.scaling'>
  }
  'explore.classImages': {
    params: ParsedParams<'explore.classImages'>
    result: RequestResult<'explore.classImages'>
  }
  'evaluate.run': { params: ParsedParams<'evaluate.run'>; result: RequestResult<'evaluate.run'> }
  'evaluate.cell': { params: ParsedParams<'evaluate.cell'>; result: RequestResult<'evaluate.cell'> }
  'predict.image': { params: ParsedParams<'predict.image'>; result: RequestResult<'predict.image'> }
  'evaluate.predictions': {
    params: ParsedParams<'evaluate.predictions'>
    result: RequestResult<'evaluate.predictions'>
  }
  'train.pause': { params: ParsedParams<'train.pause'>; result: RequestResult<'train.pause'> }
  'train.resume': { params: ParsedParams<'train.resume'>; result: RequestResult<'train.resume'> }
  'train.stop': { params: ParsedParams<'train.stop'>; result: RequestResult<'train.stop'> }
  'overfit.checkInit': {
    params: ParsedParams<'overfit.checkInit'>
    result: RequestResult<'overfit.checkInit'>
  }
  'overfit.baselines': {
    params: ParsedParams<'overfit.baselines'>
    result: RequestResult<'overfit.baselines'>
  }
  'overfit.batch': { params: ParsedParams<'overfit.batch'>; result: RequestResult<'overfit.batch'> }
  'overfit.stop': { params: ParsedParams<'overfit.stop'>; result: RequestResult<'overfit.stop'> }
  'lr.find': { params: ParsedParams<'lr.find'>; result: RequestResult<'lr.find'> }
  'ensemble.evaluate': {
    params: ParsedParams<'ensemble.evaluate'>
    result: RequestResult<'ensemble.evaluate'>
  }
}

export type EngineMethod = keyof EngineMethods

export interface EngineRequestMessage<M extends EngineMethod = EngineMethod> {
  type: 'request'
  id: number
  method: M
  params: EngineMethods[M]['params']
}

export interface EngineShutdownMessage {
  type: 'shutdown'
}

/**
 * What an engine without file access (the GPU engine page) asks of its host:
 * the host reads the run store and the dataset cache and keeps the run folders.
 */
export interface HostMethods {
  'run.get': { params: { runId: string }; result: RunRecord }
  'dataset.load': { params: { datasetId: string }; result: LoadedDataset }
  'files.writeFolder': {
    params: { runId: string; folder: string; files: [string, Uint8Array][] }
    result: null
  }
  'files.read': {
    params: { runId: string; folder: string; file: string }
    result: Uint8Array | null
  }
  'files.stamp': { params: { runId: string; folder: string; files: string[] }; result: string }
}

export type HostMethod = keyof HostMethods

export interface HostRequestMessage<M extends HostMethod = HostMethod> {
  type: 'host-request'
  id: number
  method: M
  params: HostMethods[M]['params']
}

export type HostResponseMessage =
  | { type: 'host-response'; id: number; ok: true; value: unknown }
  | { type: 'host-response'; id: number; ok: false; error: LabErrorInfo }

export type HostToEngine = EngineRequestMessage | EngineShutdownMessage | HostResponseMessage

export type EngineToHost =
  | { type: 'ready'; info: EngineInfo }
  | { type: 'response'; id: number; ok: true; value: unknown }
  | { type: 'response'; id: number; ok: false; error: LabErrorInfo }
  | { type: 'event'; event: AnyLabEvent }
  | { type: 'fatal'; error: LabErrorInfo }
  | HostRequestMessage

/** Argument names the engine process reads its start options from. */
export const engineEnv = {
  home: 'MNIST_LAB_ENGINE_HOME',
  resources: 'MNIST_LAB_ENGINE_RESOURCES',
  backend: 'MNIST_LAB_ENGINE_BACKEND'
} as const

/** The engine's side of the channel to its host (an IPC channel, a WebSocket, a MessagePort). */
export interface HostPort {
  post(message: EngineToHost): void
  onMessage(listener: (message: HostToEngine) => void): void
}
