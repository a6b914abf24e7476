/**
 * The GPU engine page: the same engine core as the Node engine process, on
 * WebGPU or WebGL in a Chromium renderer. It does training only (explore and
 * evaluate stay on the Node engine) and has no file access: run records,
 * dataset bytes and run folders come from its host (remote-services.ts).
 */
import * as tf from '@tensorflow/tfjs'
import { gpuBackendNames, toErrorInfo, type GpuBackendName } from '../../shared/contract'
import type { EngineCoreContext, EngineHandlers } from '../../main/lab/engine/context'
import { trainingHandlers } from '../../main/lab/engine/handlers/training'
import type { HostPort } from '../../main/lab/engine/protocol'
import type { EngineInfo, EngineMethod } from '../../main/lab/engine/protocol'
import { remoteServices } from '../../main/lab/engine/remote-services'
import { hostCaller, serveEngine } from '../../main/lab/engine/serve'
import { timeSteps } from '../../main/lab/engine/step/time-steps'
import { initGpuBackend } from './gpu-backend'
import { connectMessagePort, connectWebSocket } from './transport'

/** Electron's hidden window: its preload posts the port under this name (src/preload/gpu-engine.ts). */
const portMessage = 'mnist-lab:engine-port'

function receivePort(): Promise<MessagePort> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent): void => {
      if (event.source !== window || event.data !== portMessage || !event.ports[0]) return
      window.removeEventListener('message', listen)
      resolve(event.ports[0])
    }
    window.addEventListener('message', listen)
  })
}

async function connect(params: URLSearchParams): Promise<HostPort & { close(): void }> {
  if (params.get('transport') === 'port') return connectMessagePort(await receivePort())
  return connectWebSocket(params.get('secret') ?? '')
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.hash.slice(1))
  const port = await connect(params)
  try {
    const asked = params.get('backend') ?? ''
    if (!(gpuBackendNames as readonly string[]).includes(asked)) {
      throw new Error(
        `The GPU engine page was asked for "${asked}"; it runs ${gpuBackendNames.join(' or ')}.`
      )
    }
    const gpu = await initGpuBackend(asked as GpuBackendName, params.get('software') === '1')
    const info: EngineInfo = {
      pid: 0,
      startedAt: new Date().toISOString(),
      tfjsVersion: tf.version.tfjs,
      backend: gpu.backend,
      backendChoice: gpu.backend,
      attempts: gpu.attempts,
      adapter: gpu.adapter
    }
    const caller = hostCaller(port)
    const ctx: EngineCoreContext = {
      info,
      emit: (event) => port.post({ type: 'event', event }),
      training: { session: null },
      services: remoteServices(caller.call)
    }
    const handlers: Partial<EngineHandlers<EngineMethod, EngineCoreContext>> = {
      'engine.info': async () => info,
      'engine.memory': async () => tf.memory(),
      'engine.timeSteps': async ({ backend, model, batchSize, steps }) =>
        backend === info.backend
          ? { msPerStep: await timeSteps(model, backend, { batchSize, steps }) }
          : {
              unavailable: `This GPU engine runs ${info.backend}, not ${backend}.`,
              unavailableText: {
                key: 'backend.auto.unavailable.otherGpuBackend',
                params: { running: info.backend, asked: backend }
              }
            },
      ...trainingHandlers
    }
    serveEngine({
      port,
      handlers,
      ctx,
      settleHostCall: caller.settle,
      onShutdown: () => port.close()
    })
    // A lost device ends this engine: the host marks the run interrupted and resumable.
    void gpu.lost.then(({ message, text }) => {
      port.post({ type: 'fatal', error: { code: 'engine_crashed', message, text } })
      port.close()
    })
    port.post({ type: 'ready', info })
  } catch (error) {
    port.post({ type: 'fatal', error: toErrorInfo(error) })
    port.close()
  }
}

void main()
