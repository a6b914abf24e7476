import { isGpuBackend, type SystemInfo } from '../../../shared/contract'
import type { HostContext, HostHandlers } from '../context'
import type { EngineInfo } from '../engine/protocol'
import { chooseStep } from '../engine/step/choice'
import { refuseWhileTraining } from './training'

function systemInfo(ctx: HostContext, engine: EngineInfo): SystemInfo {
  return {
    appVersion: ctx.appVersion,
    tfjsVersion: engine.tfjsVersion,
    nodeVersion: process.versions.node,
    backend: engine.backend,
    backendChoice: engine.backendChoice,
    // Every backend gets a line: the GPU engine's when it runs, else why it does not.
    attempts: isGpuBackend(engine.backend)
      ? engine.attempts
      : [...ctx.gpu.attempts(), ...engine.attempts],
    ...(engine.adapter ? { adapter: engine.adapter } : {}),
    engine: { pid: engine.pid, startedAt: engine.startedAt },
    paths: { home: ctx.paths.home, datasets: ctx.paths.datasets, runs: ctx.paths.runs },
    steps: { mlp: chooseStep('mlp', engine.backend), cnn: chooseStep('cnn', engine.backend) }
  }
}

export const systemHandlers: HostHandlers<'system.info' | 'system.setBackend'> = {
  // Asked of the engine itself, so the badge shows what really runs there.
  'system.info': async (_params, ctx) => {
    const gpu = ctx.gpu.preferred
    return systemInfo(
      ctx,
      gpu ? await ctx.gpu.info(gpu) : await ctx.engine.request('engine.info', {})
    )
  },
  'system.setBackend': async (params, ctx) => {
    // Switching restarts the engine, which would cut the run off.
    refuseWhileTraining(ctx, 'switch backends')
    if (isGpuBackend(params.backend)) {
      // Refused with the reason when it cannot start; the choice stays as it was.
      const info = await ctx.gpu.info(params.backend)
      ctx.gpu.preferred = params.backend
      return systemInfo(ctx, info)
    }
    ctx.gpu.preferred = null
    return systemInfo(ctx, await ctx.engine.restart(params.backend))
  }
}
