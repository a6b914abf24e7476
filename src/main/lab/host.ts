import { mkdir } from 'node:fs/promises'
import {
  isGpuBackend,
  isRequestName,
  requestSchemas,
  toErrorInfo,
  type AnyLabEvent,
  type BackendChoice,
  type EventName,
  type GpuAdapter,
  type LabEvents,
  type LabResponse,
  type RequestName
} from '../../shared/contract'
import type { HostContext } from './context'
import type { EngineLauncher } from './launch/channel'
import { EngineClient } from './engine-client'
import { answerHostRequest } from './engine-host-requests'
import { GpuEngine, type GpuEngineOption } from './gpu-engine'
import { allHandlers } from './handlers'
import { JobSlot } from './jobs'
import { gpuEngineLost, nodeEngineLost, trainingRecorder } from './handlers/training'
import { labPaths } from './paths'
import { RunStore } from './runs/store'
import { invalidInput } from './validation'

export interface LabHostOptions {
  home: string
  resourcesDir: string
  appVersion: string
  launcher: EngineLauncher
  backend?: BackendChoice
  /** Dataset mirrors to try first, e.g. a copy on the local network. */
  mirrors?: readonly string[]
  /** How to start the GPU engine (headless Chromium, Electron's hidden window), or why not. */
  gpu?: GpuEngineOption
}

type Listener = (event: AnyLabEvent) => void

/**
 * Everything behind the LabApi that needs no Electron: it validates each
 * request against the contract, routes it, and relays events to listeners.
 * Electron's IPC, the web server and the CLI are thin bindings of this class.
 */
export class LabHost {
  readonly engine: EngineClient
  private readonly listeners = new Set<Listener>()
  private readonly ctx: HostContext
  /** Folds training events into run.json. */
  private readonly record: (event: AnyLabEvent) => Promise<void>
  /** Engine events in arrival order, each relayed once run.json holds it. */
  private relayQueue: Promise<void> = Promise.resolve()

  constructor(options: LabHostOptions) {
    const paths = labPaths(options.home)
    const chosen = options.backend ?? 'auto'
    this.engine = new EngineClient(
      options.launcher,
      {
        home: options.home,
        resourcesDir: options.resourcesDir,
        // A GPU choice runs on the GPU engine; the Node engine still explores and evaluates.
        backend: isGpuBackend(chosen) ? 'auto' : chosen
      },
      {
        onEvent: (event) => this.relayFromEngine(event),
        onStatus: (status) => this.emit('engine.status', status),
        // A rejection here would be unhandled and end the whole process.
        onCrash: () =>
          void nodeEngineLost(this.ctx).catch((error: unknown) => {
            console.error('[training] could not mark the cut-off run interrupted:', error)
          })
      }
    )
    const gpu = new GpuEngine(
      options.gpu ?? {
        unavailable: 'This lab was started without a GPU engine.',
        text: { key: 'gpu.errors.noGpuEngine' }
      },
      { home: options.home, resourcesDir: options.resourcesDir },
      {
        // The Train tab names the adapter the run trains on (and whether it is software).
        onEvent: (event) => this.relayFromEngine(withAdapter(event, gpu.client?.info?.adapter)),
        onStatus: () => undefined,
        onCrash: () =>
          void gpuEngineLost(this.ctx).catch((error: unknown) => {
            console.error('[training] could not mark the cut-off GPU run interrupted:', error)
          }),
        onHostRequest: (method, params) => answerHostRequest(this.ctx, method, params)
      }
    )
    if (isGpuBackend(chosen)) gpu.preferred = chosen
    this.ctx = {
      paths,
      appVersion: options.appVersion,
      resourcesDir: options.resourcesDir,
      engine: this.engine,
      gpu,
      runs: new RunStore(paths.runs),
      jobs: new JobSlot(),
      extraMirrors: options.mirrors ?? [],
      emit: (name, payload) => this.emit(name, payload),
      spawnEngine: (hooks) =>
        new EngineClient(
          options.launcher,
          {
            home: options.home,
            resourcesDir: options.resourcesDir,
            backend: options.backend ?? 'auto'
          },
          hooks
        )
    }
    this.record = trainingRecorder(this.ctx)
  }

  get context(): HostContext {
    return this.ctx
  }

  /** The one-job-at-a-time slot (jobs.ts): training, learning curves, sweeps, searches. */
  get jobs(): JobSlot {
    return this.ctx.jobs
  }

  /** Prepares the data folders, settles runs cut off last time, starts the engine. */
  async start(): Promise<void> {
    await mkdir(this.ctx.paths.datasets, { recursive: true })
    await mkdir(this.ctx.paths.runs, { recursive: true })
    await this.ctx.runs.markInterrupted(new Set())
    void this.engine.start().catch(() => undefined)
  }

  async stop(): Promise<void> {
    await Promise.all([this.engine.stop(), this.ctx.gpu.stop()])
  }

  /** Validates and answers one request. Never throws: failures are typed results. */
  async handle(name: unknown, params: unknown): Promise<LabResponse<RequestName>> {
    if (!isRequestName(name)) {
      return {
        ok: false,
        error: {
          code: 'unknown_request',
          message: `${describeName(name)} is not a request the lab knows.`
        }
      }
    }
    const parsed = requestSchemas[name].safeParse(params ?? {})
    if (!parsed.success) {
      return { ok: false, error: invalidInput(name, parsed.error) }
    }
    const handler = allHandlers[name] as (params: unknown, ctx: HostContext) => Promise<unknown>
    try {
      const value = await handler(parsed.data, this.ctx)
      return { ok: true, value } as LabResponse<RequestName>
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) }
    }
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(name: E, payload: LabEvents[E]): void {
    this.broadcast({ name, payload } as AnyLabEvent)
  }

  /**
   * run.json is written before anyone hears of an event, so a client that reacts
   * to "completed" by listing runs sees the run completed. Events keep their order.
   */
  private relayFromEngine(event: AnyLabEvent): void {
    this.relayQueue = this.relayQueue
      .then(() => this.record(event))
      .then(() => this.broadcast(event))
      // One bad event (a malformed one from the GPU page, a listener that throws)
      // must not reject the queue: every later event would be dropped unheard.
      .catch((error: unknown) => {
        console.error('[lab] could not relay an engine event:', error)
      })
  }

  private broadcast(event: AnyLabEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

/** A request name as sent, short enough to quote; String() would throw for some objects. */
function describeName(name: unknown): string {
  if (typeof name !== 'string') return `A request named by ${name === null ? 'null' : typeof name}`
  return name.length > 60 ? `"${name.slice(0, 60)}…"` : `"${name}"`
}

function withAdapter(event: AnyLabEvent, adapter: GpuAdapter | undefined): AnyLabEvent {
  if (event.name !== 'train.status' || !adapter) return event
  return { name: event.name, payload: { ...event.payload, adapter } }
}
