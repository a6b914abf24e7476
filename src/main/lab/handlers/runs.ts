import type { HostHandlers } from '../context'
import { LabError } from '../../../shared/contract'

export const runHandlers: HostHandlers<
  'runs.list' | 'runs.get' | 'runs.rename' | 'runs.delete' | 'runs.export'
> = {
  'runs.list': (_params, ctx) => ctx.runs.list(),
  'runs.get': (params, ctx) => ctx.runs.get(params.runId),
  'runs.rename': (params, ctx) =>
    ctx.runs.update(params.runId, (record) => {
      record.name = params.name
    }),
  'runs.delete': async (params, ctx) => {
    await ctx.runs.delete(params.runId)
    return { deleted: true }
  },
  'runs.export': async () => {
    throw new LabError('unsupported', 'Exporting runs is not built yet.')
  }
}
