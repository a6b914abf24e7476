import { isGpuBackend, type BackendAttempt, type SystemInfo } from '../../../shared/contract'
import type { HostContext, HostHandlers } from '../context'
import type { EngineInfo } from '../engine/protocol'
import { autoPicksSoFar } from '../auto-backend/measure'
import { chooseStep } from '../engine/step/choice'
import { refuseWhileTraining } from './training'

async function systemInfo(
  ctx: HostContext,
  engine: EngineInfo,
  nodeAttempts: BackendAttempt[] = []
): Promise<SystemInfo> {
  return {
    appVersion: ctx.appVersion,
    tfjsVersion: engine.tfjsVersion,
    nodeVersion: process.versions.node,
    backend: engine.backend,
    backendChoice: engine.backendChoice,
    // Every backend gets a line: the GPU engine's and the Node engine's beside it, else why the GPU engine does not run.
    attempts: isGpuBackend(engine.backend)
      ? [...engine.attempts, ...nodeAttempts]
      : [...ctx.gpu.attempts(), ...engine.attempts],
    ...(engine.adapter ? { adapter: engine.adapter } : {}),
    engine: { pid: engine.pid, startedAt: engine.startedAt },
    paths: { home: ctx.paths.home, datasets: ctx.paths.datasets, runs: ctx.paths.runs },
    steps: { mlp: chooseStep('mlp', engine.backend), cnn: chooseStep('cnn', engine.backend) },
    autoPicks: await autoPicksSoFar(ctx)
  }
}

/**
 * The Node engine's attempts while the GPU engine trains: it still explores and
 * evaluates, so its loaded backend says so rather than looking like a rival choice.
 */
async function nodeEngineAttempts(ctx: HostContext, gpuBackend: string): Promise<BackendAttempt[]> {
  const node = await ctx.engine.request('engine.info', {})
  return node.attempts.map((a) =>
    a.loaded
      ? {
          ...a,
          reason: `Loaded in the Node engine, which explores and evaluates; training runs on ${gpuBackend}.`,
          reasonText: { key: 'backend.attempt.besideGpu', params: { gpuBackend } }
        }
      : a
  )
}

export const systemHandlers: HostHandlers<'system.info' | 'system.setBackend'> = {
  // Asked of the engine itself, so the badge shows what really runs there.
  'system.info': async (_params, ctx) => {
    const gpu = ctx.gpu.preferred
    if (!gpu) return systemInfo(ctx, await ctx.engine.request('engine.info', {}))
    return systemInfo(ctx, await ctx.gpu.info(gpu), await nodeEngineAttempts(ctx, gpu))
  },
  'system.setBackend': async (params, ctx) => {
    // Switching restarts the engine, which would cut the run off.
    refuseWhileTraining(ctx, 'switch backends')
    if (isGpuBackend(params.backend)) {
      // Refused with the reason when it cannot start; the choice stays as it was.
      const info = await ctx.gpu.info(params.backend)
      ctx.gpu.preferred = params.backend
      return systemInfo(ctx, info, await nodeEngineAttempts(ctx, params.backend))
    }
    ctx.gpu.preferred = null
    return systemInfo(ctx, await ctx.engine.restart(params.backend))
  }
}
