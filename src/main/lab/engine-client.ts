import {
  LabError,
  toErrorInfo,
  type AnyLabEvent,
  type BackendChoice,
  type EngineStatusEvent,
  type LabErrorInfo
} from '../../shared/contract'
import type { EngineChannel, EngineLauncher } from './launch/channel'
import type {
  EngineInfo,
  EngineMethod,
  EngineMethods,
  EngineStartOptions,
  EngineToHost
} from './engine/protocol'

interface Pending {
  method: EngineMethod
  resolve: (value: unknown) => void
  reject: (error: LabError) => void
}

export interface EngineClientHooks {
  onEvent(event: AnyLabEvent): void
  onStatus(status: EngineStatusEvent): void
  /** The process died on its own; whatever it was doing is gone. */
  onCrash?(): void
  /** Answers an engine that asks its host for records, datasets or run folders (the GPU page). */
  onHostRequest?(method: unknown, params: unknown): Promise<unknown>
}

export interface EngineClientPolicy {
  /**
   * Start a new engine when one dies. The Node engine does; the GPU engine does
   * not: the next run that asks for a GPU starts it again, and until then the
   * lab keeps working on the Node engine.
   */
  restartAfterCrash: boolean
  /** What the status messages call this engine. */
  label: string
  /** Where the catalogue words this engine's exits: `errors` (the Node engine) or `gpu.errors`. */
  catalogue: 'errors' | 'gpu.errors'
}

/** How long an engine may take to load tfjs and pick a backend. */
const startTimeoutMs = 60_000
/** A graceful shutdown gets this long before the process is killed. */
const stopGraceMs = 3_000
/** Crashes before the first 'ready' in a row, after which we stop retrying. */
const maxStartFailures = 3

/**
 * The host's handle on the engine process: starts it, matches responses to
 * requests, relays events, and restarts it when it dies.
 */
export class EngineClient {
  private channel: EngineChannel | null = null
  private starting: Promise<EngineInfo> | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private stopping = false
  private startFailures = 0
  private restartTimer: NodeJS.Timeout | null = null
  private current: EngineInfo | null = null
  /** Why the engine gave up while starting, as it said in its 'fatal' message. */
  private fatalWhileStarting: LabErrorInfo | null = null

  constructor(
    private readonly launch: EngineLauncher,
    private options: EngineStartOptions,
    private readonly hooks: EngineClientHooks,
    private readonly policy: EngineClientPolicy = {
      restartAfterCrash: true,
      label: 'engine process',
      catalogue: 'errors'
    }
  ) {}

  get info(): EngineInfo | null {
    return this.current
  }

  /** The engine's process (for the GPU engine: its Chromium), while one runs. */
  get pid(): number | undefined {
    return this.channel?.pid
  }

  get backendChoice(): BackendChoice {
    return this.options.backend
  }

  /** Starts the engine if it is not running; resolves when it is ready. */
  start(): Promise<EngineInfo> {
    if (this.starting) return this.starting
    this.stopping = false
    this.hooks.onStatus({ state: 'starting' })
    this.fatalWhileStarting = null
    const channel = this.launch(this.options)
    this.channel = channel
    this.starting = new Promise<EngineInfo>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new LabError('engine_unavailable', 'The engine did not start within a minute.', {
            key: 'errors.engineStartTimeout'
          })
        )
        channel.kill()
      }, startTimeoutMs)
      channel.onMessage((message) => {
        if (message.type === 'ready') {
          clearTimeout(timer)
          this.startFailures = 0
          this.current = message.info
          this.hooks.onStatus({ state: 'ready', backend: message.info.backend })
          resolve(message.info)
          return
        }
        this.receive(message)
      })
      channel.onExit((code, signal) => {
        clearTimeout(timer)
        const fatal = this.fatalWhileStarting
        reject(
          fatal
            ? LabError.from(fatal)
            : new LabError(
                'engine_unavailable',
                `The ${this.policy.label} exited while starting (${describeExit(code, signal)}).`,
                {
                  key: `${this.policy.catalogue}.exitedWhileStarting`,
                  params: { how: describeExit(code, signal) }
                }
              )
        )
        this.handleExit(channel, code, signal)
      })
    })
    // A failed start is reported through onStatus; callers see it on request().
    this.starting.catch(() => undefined)
    return this.starting
  }

  async request<M extends EngineMethod>(
    method: M,
    params: EngineMethods[M]['params']
  ): Promise<EngineMethods[M]['result']> {
    await this.start()
    const channel = this.channel
    if (!channel)
      throw new LabError('engine_unavailable', 'The engine is not running.', {
        key: 'errors.engineNotRunning'
      })
    const id = this.nextId++
    return new Promise<EngineMethods[M]['result']>((resolve, reject) => {
      this.pending.set(id, {
        method,
        resolve: (value) => resolve(value as EngineMethods[M]['result']),
        reject
      })
      channel.send({ type: 'request', id, method, params })
    })
  }

  /** Stops the engine and starts a new one, e.g. with another backend. */
  async restart(backend: BackendChoice = this.options.backend): Promise<EngineInfo> {
    await this.stop()
    this.options = { ...this.options, backend }
    return this.start()
  }

  /** Asks the engine to exit, then kills it if it does not. */
  async stop(): Promise<void> {
    this.stopping = true
    if (this.restartTimer) clearTimeout(this.restartTimer)
    const channel = this.channel
    if (!channel) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        channel.kill()
      }, stopGraceMs)
      channel.onExit(() => {
        clearTimeout(timer)
        resolve()
      })
      channel.send({ type: 'shutdown' })
    })
  }

  private receive(message: EngineToHost): void {
    switch (message.type) {
      case 'event':
        this.hooks.onEvent(message.event)
        return
      case 'response': {
        const pending = this.pending.get(message.id)
        if (!pending) return
        this.pending.delete(message.id)
        if (message.ok) pending.resolve(message.value)
        else pending.reject(fromInfo(message.error))
        return
      }
      case 'fatal':
        if (!this.current) this.fatalWhileStarting = message.error
        this.hooks.onStatus({
          state: 'crashed',
          message: message.error.message,
          ...(message.error.text ? { text: message.error.text } : {})
        })
        return
      case 'host-request':
        this.answerHost(message.id, message.method, message.params)
        return
      case 'ready':
        return
    }
  }

  private answerHost(id: number, method: unknown, params: unknown): void {
    const channel = this.channel
    const answer = this.hooks.onHostRequest
      ? this.hooks.onHostRequest(method, params)
      : Promise.reject(new LabError('unknown_request', 'This host answers no engine requests.'))
    answer.then(
      (value) => channel?.send({ type: 'host-response', id, ok: true, value }),
      (error: unknown) =>
        channel?.send({ type: 'host-response', id, ok: false, error: toErrorInfo(error) })
    )
  }

  private handleExit(channel: EngineChannel, code: number | null, signal: string | null): void {
    if (this.channel !== channel) return
    const wasReady = this.current !== null
    this.channel = null
    this.starting = null
    this.current = null
    const inFlight = [...this.pending.values()]
    this.pending.clear()
    if (this.stopping) {
      for (const p of inFlight) {
        p.reject(
          new LabError('engine_unavailable', 'The engine was shut down before it answered.', {
            key: 'errors.engineShutDown'
          })
        )
      }
      return
    }
    const how = describeExit(code, signal)
    for (const p of inFlight) {
      p.reject(
        new LabError(
          'engine_crashed',
          this.policy.restartAfterCrash
            ? `The engine process stopped unexpectedly (${how}) while working on "${p.method}". It is restarting; try again in a moment.`
            : `The ${this.policy.label} stopped unexpectedly (${how}) while working on "${p.method}".`,
          this.policy.restartAfterCrash
            ? { key: 'errors.engineCrashed', params: { how } }
            : {
                key: `${this.policy.catalogue}.stoppedWhileWorking`,
                params: { how, method: p.method }
              }
        )
      )
    }
    if (!this.policy.restartAfterCrash) {
      if (wasReady) {
        this.hooks.onStatus({
          state: 'crashed',
          message: `The ${this.policy.label} stopped unexpectedly (${how}).`,
          text: { key: `${this.policy.catalogue}.stopped`, params: { how } }
        })
      }
      this.hooks.onCrash?.()
      return
    }
    if (!wasReady) this.startFailures += 1
    const givingUp = this.startFailures >= maxStartFailures
    this.hooks.onStatus({
      state: 'crashed',
      message: givingUp
        ? `The engine could not start (${how}), ${maxStartFailures} times in a row. Check the terminal output, then restart the app.`
        : `The engine process stopped unexpectedly (${how}). Restarting it.`,
      text: givingUp
        ? { key: 'errors.engineGaveUp', params: { how, times: maxStartFailures } }
        : { key: 'errors.engineRestarting', params: { how } }
    })
    this.hooks.onCrash?.()
    if (givingUp) return
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null
      void this.start().catch(() => undefined)
    }, 250)
  }
}

function describeExit(code: number | null, signal: string | null): string {
  if (signal) return `killed by ${signal}`
  return `exit code ${code ?? 'unknown'}`
}

function fromInfo(info: LabErrorInfo): LabError {
  return LabError.from(info)
}
