import type { HostHandlers } from '../context'
import { exportRun } from '../runs/export'

export const runHandlers: HostHandlers<
  'runs.list' | 'runs.get' | 'runs.rename' | 'runs.delete' | 'runs.export'
> = {
  'runs.list': (_params, ctx) => ctx.runs.list(),
  'runs.get': (params, ctx) => ctx.runs.get(params.runId),
  'runs.rename': async (params, ctx) => {
    const record = await ctx.runs.update(params.runId, (r) => {
      r.name = params.name
    })
    ctx.emit('runs.changed', { runId: params.runId })
    return record
  },
  // Refusing to delete a run that is training right now is the training
  // handler's to add: only it knows which run the engine is busy with.
  'runs.delete': async (params, ctx) => {
    await ctx.runs.delete(params.runId)
    ctx.emit('runs.changed', { runId: params.runId })
    return { deleted: true }
  },
  'runs.export': async (params, ctx) => {
    const record = await ctx.runs.get(params.runId)
    return exportRun(ctx.runs.runPath(params.runId), record, params.kind)
  }
}
