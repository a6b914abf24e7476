import type { HostHandlers } from '../context'
import { exportRun } from '../runs/export'
import { refuseWhileTraining } from './training'

export const runHandlers: HostHandlers<
  'runs.list' | 'runs.damaged' | 'runs.get' | 'runs.rename' | 'runs.delete' | 'runs.export'
> = {
  'runs.list': (_params, ctx) => ctx.runs.list(),
  'runs.damaged': (_params, ctx) => ctx.runs.damaged(),
  'runs.get': (params, ctx) => ctx.runs.get(params.runId),
  'runs.rename': async (params, ctx) => {
    const record = await ctx.runs.update(params.runId, (r) => {
      r.name = params.name
    })
    ctx.emit('runs.changed', { runId: params.runId })
    return record
  },
  // A training run's folder is in use by the engine: deleting it would break the run.
  'runs.delete': async (params, ctx) => {
    refuseWhileTraining(ctx, 'delete it', params.runId)
    await ctx.runs.delete(params.runId)
    ctx.emit('runs.changed', { runId: params.runId })
    return { deleted: true }
  },
  'runs.export': async (params, ctx) => {
    const record = await ctx.runs.get(params.runId)
    return exportRun(ctx.runs.runPath(params.runId), record, params.kind)
  }
}
