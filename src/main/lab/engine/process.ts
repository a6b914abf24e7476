/**
 * Engine process entry. It loads tfjs once, picks the backend, then only routes
 * messages from the host to handlers; the work lives in the handler modules.
 */
import * as tf from '@tensorflow/tfjs'
import { backendChoiceSchema, toErrorInfo, type AnyLabEvent } from '../../../shared/contract'
import { labPaths } from '../paths'
import { initBackend } from './backend'
import type { EngineContext, EngineHandlers } from './context'
import { evaluateHandlers } from './handlers/evaluate'
import { exploreHandlers } from './handlers/explore'
import { trainingHandlers } from './handlers/training'
import { overfitHandlers } from './handlers/overfit'
import { nodeServices } from './node-services'
import { tuneHandlers } from './handlers/tune'
import { ensembleHandlers } from './handlers/ensemble'
import { connectToHost } from './port'
import { engineEnv, type EngineInfo, type EngineMethod } from './protocol'
import { serveEngine } from './serve'
import { timeSteps } from './step/time-steps'

// Ctrl+C in a terminal signals the whole process group; the host decides when the engine ends (stop the run, then 'shutdown').
process.on('SIGINT', () => undefined)

async function main(): Promise<void> {
  const port = connectToHost()
  const home = process.env[engineEnv.home]
  const resourcesDir = process.env[engineEnv.resources]
  if (!home || !resourcesDir) {
    throw new Error(`The engine needs ${engineEnv.home} and ${engineEnv.resources} to be set.`)
  }
  const choice = backendChoiceSchema.catch('auto').parse(process.env[engineEnv.backend])
  const { backend, attempts } = await initBackend(choice)
  const info: EngineInfo = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    tfjsVersion: tf.version.tfjs,
    backend,
    backendChoice: choice,
    attempts
  }
  const paths = labPaths(home)
  const ctx: EngineContext = {
    paths,
    resourcesDir,
    info,
    emit: (event: AnyLabEvent) => port.post({ type: 'event', event }),
    training: { session: null },
    services: nodeServices(paths, resourcesDir, () => port.whileHostConnected())
  }
  const handlers: EngineHandlers<EngineMethod> = {
    'engine.info': async () => info,
    'engine.memory': async () => tf.memory(),
    'engine.timeSteps': async ({ backend, model, batchSize, steps }) => {
      // tfjs calls both native packages 'tensorflow'; auto never measures tensorflow-gpu.
      if (tf.getBackend() !== backend) {
        const loaded = await initBackend(backend)
        if (loaded.backend !== backend) {
          const why = loaded.attempts.find((a) => a.backend === backend)
          return why?.reason
            ? {
                unavailable: why.reason,
                ...(why.reasonText ? { unavailableText: why.reasonText } : {})
              }
            : {
                unavailable: `${backend} did not load.`,
                unavailableText: { key: 'backend.auto.unavailable.didNotLoad', params: { backend } }
              }
        }
      }
      return { msPerStep: await timeSteps(model, backend, { batchSize, steps }) }
    },
    ...exploreHandlers,
    ...trainingHandlers,
    ...evaluateHandlers,
    ...overfitHandlers,
    ...tuneHandlers,
    ...ensembleHandlers
  }

  serveEngine({ port, handlers, ctx, onShutdown: () => process.exit(0) })
  port.post({ type: 'ready', info })
}

main().catch((error: unknown) => {
  // Without a host there is nobody to tell; with one, say why we could not start.
  try {
    connectToHost().post({ type: 'fatal', error: toErrorInfo(error) })
  } finally {
    console.error('[engine] failed to start:', error instanceof Error ? error.message : error)
    process.exit(1)
  }
})
