/**
 * The host's slot for the GPU engine (WebGPU, WebGL in a Chromium renderer):
 * started only when a run or the user asks for a GPU backend, never restarted
 * on its own after a crash (the Node engine keeps the lab working), and asked
 * for by name only: a GPU backend that cannot start is refused with the reason.
 */
import {
  LabError,
  type BackendAttempt,
  type GpuBackendName,
  type LabErrorText,
  type WordedMessage
} from '../../shared/contract'
import { EngineClient, type EngineClientHooks } from './engine-client'
import type { EngineInfo } from './engine/protocol'
import type { EngineLauncher } from './launch/channel'

/** How a host gets its GPU engine, or why it has none (no Chromium). */
export type GpuEngineOption =
  | { launcher: EngineLauncher; allowSoftware?: boolean }
  | { unavailable: string; text: LabErrorText }

export class GpuEngine {
  readonly client: EngineClient | null
  readonly unavailable: string | null
  /** `unavailable` as the renderer's catalogue message. */
  private readonly unavailableText: LabErrorText | null
  /** A software adapter (SwiftShader) may stand in for a GPU: tests only, never the default. */
  readonly allowSoftware: boolean
  /** The user picked a GPU backend for the lab (system.setBackend, --backend). */
  preferred: GpuBackendName | null = null
  /** The run the GPU engine trains or trained last. */
  runId: string | null = null
  /** What the GPU engine said first as it went away (device lost, refused), in English and catalogue words. */
  lastProblem: WordedMessage | null = null

  constructor(
    option: GpuEngineOption,
    start: { home: string; resourcesDir: string },
    hooks: EngineClientHooks
  ) {
    if ('unavailable' in option) {
      this.client = null
      this.unavailable = option.unavailable
      this.unavailableText = option.text
      this.allowSoftware = false
      return
    }
    this.unavailable = null
    this.unavailableText = null
    this.allowSoftware = option.allowSoftware === true
    this.client = new EngineClient(
      option.launcher,
      { ...start, backend: 'webgpu' },
      {
        ...hooks,
        onStatus: (status) => {
          // The first word counts: a lost device says why before its page closes.
          if (status.state === 'crashed' && status.message) {
            this.lastProblem ??= {
              message: status.message,
              ...(status.text ? { text: status.text } : {})
            }
          }
        }
      },
      { restartAfterCrash: false, label: 'GPU engine (Chromium)', catalogue: 'gpu.errors' }
    )
  }

  /** The GPU engine running `backend`, started or restarted as needed. */
  async use(backend: GpuBackendName): Promise<EngineClient> {
    const client = this.client
    if (!client) {
      throw new LabError(
        'engine_unavailable',
        this.unavailable ?? 'No GPU engine.',
        this.unavailableText ?? { key: 'gpu.errors.noGpuEngine' }
      )
    }
    this.lastProblem = null
    if (client.info && client.backendChoice === backend) return client
    await client.restart(backend)
    return client
  }

  async info(backend: GpuBackendName): Promise<EngineInfo> {
    return (await this.use(backend)).request('engine.info', {})
  }

  /** Is the GPU engine up and training `runId`? Then its pause, resume and stop go there. */
  trains(runId: string): boolean {
    return this.runId === runId && this.client?.info != null
  }

  /** For an engine that runs no GPU backend: why webgpu and webgl are not in use. */
  attempts(): BackendAttempt[] {
    const why =
      this.unavailable !== null && this.unavailableText !== null
        ? { reason: this.unavailable, reasonText: this.unavailableText }
        : {
            reason:
              'Not started: the GPU engine (Chromium) runs only when asked for (--backend webgpu or webgl, or the Backend field).',
            reasonText: { key: 'backend.attempt.gpuNotStarted' }
          }
    return (['webgpu', 'webgl'] as const).map((backend) => ({ backend, loaded: false, ...why }))
  }

  async stop(): Promise<void> {
    await this.client?.stop()
  }
}
