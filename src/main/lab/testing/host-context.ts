import type { LabEventMessage } from '../../../shared/contract'
import type { HostContext } from '../context'
import type { EngineClient } from '../engine-client'
import { GpuEngine } from '../gpu-engine'
import { JobSlot } from '../jobs'
import { labPaths } from '../paths'
import { RunStore } from '../runs/store'

/**
 * The engine methods a host handler test lets through. Host handlers are the
 * unit under test: the engine answers what the test says, and anything else
 * fails loudly, so a handler that starts asking for more is noticed.
 */
export type EngineDouble = (method: string, params: Record<string, unknown>) => Promise<unknown>

export interface TestHost {
  ctx: HostContext
  /** Every event the handlers emitted, in order. */
  events: LabEventMessage[]
}

/** A HostContext over a real RunStore in `home`, with the engine replaced by `engine`. */
export function testHostContext(home: string, engine: EngineDouble): TestHost {
  const paths = labPaths(home)
  const events: LabEventMessage[] = []
  const ctx: HostContext = {
    paths,
    appVersion: '0.0.0',
    resourcesDir: home,
    engine: {
      request: engine,
      backendChoice: 'auto',
      // What the engine's own 'auto' loaded: a run that auto sends to wasm needs no restart.
      info: { backend: 'wasm' },
      // A backend switch shows up to the double as a request of its own.
      restart: (backend: string) => engine('engine.restart', { backend })
    } as unknown as EngineClient,
    gpu: new GpuEngine(
      {
        unavailable: 'No GPU engine in host handler tests.',
        text: { key: 'gpu.errors.noGpuEngine' }
      },
      { home, resourcesDir: home },
      { onEvent: () => undefined, onStatus: () => undefined }
    ),
    runs: new RunStore(paths.runs),
    jobs: new JobSlot(),
    emit: (name, payload) => events.push({ name, payload } as LabEventMessage)
  }
  return { ctx, events }
}
