import type { SystemInfo } from '../../../shared/contract'
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
    attempts: engine.attempts,
    engine: { pid: engine.pid, startedAt: engine.startedAt },
    paths: { home: ctx.paths.home, datasets: ctx.paths.datasets, runs: ctx.paths.runs },
    steps: { mlp: chooseStep('mlp', engine.backend), cnn: chooseStep('cnn', engine.backend) }
  }
}

export const systemHandlers: HostHandlers<'system.info' | 'system.setBackend'> = {
  // Asked of the engine itself, so the badge shows what really runs there.
  'system.info': async (_params, ctx) =>
    systemInfo(ctx, await ctx.engine.request('engine.info', {})),
  'system.setBackend': async (params, ctx) => {
    // Switching restarts the engine, which would cut the run off.
    refuseWhileTraining(ctx, 'switch backends')
    return systemInfo(ctx, await ctx.engine.restart(params.backend))
  }
}
