/**
 * The one contract between renderer, preload, main, server, CLI and engine.
 * Every request is named once here with the zod schema of its params; every
 * event is named once with its payload type. Nothing else declares a payload.
 */
import type { z } from 'zod'
import type { LabErrorInfo } from './errors'
import type { Locale } from './locales'
import { systemRequests, type SystemEvents, type SystemResults } from './contract/system'
import { datasetRequests, type DatasetEvents, type DatasetResults } from './contract/datasets'
import { trainingRequests, type TrainingEvents, type TrainingResults } from './contract/training'
import { runRequests, type RunEvents, type RunResults } from './contract/runs'
import { evaluateRequests, type EvaluateResults } from './contract/evaluate'
import { overfitRequests, type OverfitEvents, type OverfitResults } from './contract/overfit'
import { tuneRequests, type TuneEvents, type TuneResults } from './contract/tune'
import { searchRequests, type SearchEvents, type SearchResults } from './contract/search'
import { compareRequests, type CompareEvents, type CompareResults } from './contract/compare'

export * from './contract/system'
export * from './contract/datasets'
export * from './contract/training'
export * from './contract/runs'
export * from './contract/evaluate'
export * from './contract/overfit'
export * from './contract/schedule'
export * from './contract/tune'
export * from './contract/search'
export * from './contract/compare'
export * from './contract/regularize'
export * from './contract/wire'
export * from './errors'

export const requestSchemas = {
  ...systemRequests,
  ...datasetRequests,
  ...trainingRequests,
  ...runRequests,
  ...evaluateRequests,
  ...overfitRequests,
  ...tuneRequests,
  ...searchRequests,
  ...compareRequests
} as const

export type RequestName = keyof typeof requestSchemas
export type RequestParams<K extends RequestName> = z.input<(typeof requestSchemas)[K]>
export type ParsedParams<K extends RequestName> = z.output<(typeof requestSchemas)[K]>

type AllResults = SystemResults &
  DatasetResults &
  TrainingResults &
  RunResults &
  EvaluateResults &
  TuneResults &
  SearchResults &
  CompareResults &
  OverfitResults
export type RequestResult<K extends RequestName> = AllResults[K]

export type LabEvents = SystemEvents &
  DatasetEvents &
  TrainingEvents &
  RunEvents &
  TuneEvents &
  SearchEvents &
  CompareEvents &
  OverfitEvents
export type EventName = keyof LabEvents

export const requestNames = Object.keys(requestSchemas) as RequestName[]

export const eventNames: readonly EventName[] = [
  'engine.status',
  'dataset.downloadProgress',
  'train.batch',
  'train.epoch',
  'train.status',
  'train.result',
  'runs.changed',
  'overfit.step',
  'lr.progress',
  'search.trial',
  'search.status',
  'learningCurve.progress'
]

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name)
}

export interface LabEventMessage<E extends EventName = EventName> {
  name: E
  payload: LabEvents[E]
}

export type AnyLabEvent = { [E in EventName]: LabEventMessage<E> }[EventName]

/** What a request resolves to across a process boundary: never a thrown stack. */
export type LabResponse<K extends RequestName> =
  { ok: true; value: RequestResult<K> } | { ok: false; error: LabErrorInfo }

/**
 * What the renderer talks to. Electron's preload and the web mode's WebSocket
 * client both implement it; stores are the only callers.
 */
export interface LabApi {
  request<K extends RequestName>(name: K, params: RequestParams<K>): Promise<RequestResult<K>>
  on<E extends EventName>(name: E, listener: (payload: LabEvents[E]) => void): () => void
  /** Writes the report of a run as a PDF; where the transport cannot, the page prints itself. */
  exportReport(runId: string): Promise<{ saved: boolean; path?: string }>
  /** The languages of the user's system, most preferred first (BCP 47 tags). */
  preferredLanguages(): Promise<readonly string[]>
  /** Tells the desktop app the page's language, for its menu; a browser has nothing to tell. */
  useLanguage(locale: Locale): void
  readonly transport: 'electron' | 'web'
}

/** Electron IPC channel names, derived so that no name is written twice. */
export const ipcChannel = {
  request: (name: RequestName): string => `lab:${name}`,
  event: 'lab:event',
  exportReport: 'lab:report.exportPdf',
  preferredLanguages: 'lab:system.preferredLanguages',
  language: 'lab:system.language'
} as const

/** Commands the application menu sends to the window. */
export const tabNames = [
  'Explore',
  'Train',
  'Evaluate',
  'Overfit',
  'Regularize',
  'Tune',
  'Runs'
] as const
export type TabName = (typeof tabNames)[number]

export type MenuCommand = { kind: 'tab'; tab: TabName } | { kind: 'exportReport' }

export const menuChannel = 'lab:menu'

/**
 * What the Electron preload exposes as window.lab. Declared here, free of
 * Electron types, so the renderer is checked against the same shape.
 */
export interface LabBridge {
  requests: { [K in RequestName]: (params: unknown) => Promise<LabResponse<K>> }
  onEvent(listener: (event: AnyLabEvent) => void): () => void
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  exportReportPdf(runId: string): Promise<{ saved: boolean; path?: string }>
  preferredLanguages(): Promise<string[]>
  setLanguage(locale: string): void
}
