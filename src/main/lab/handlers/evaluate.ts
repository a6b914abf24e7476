import type { HostHandlers } from '../context'

export const evaluateHandlers: HostHandlers<'evaluate.run' | 'evaluate.cell' | 'predict.image'> = {
  'evaluate.run': (params, ctx) => ctx.engine.request('evaluate.run', params),
  'evaluate.cell': (params, ctx) => ctx.engine.request('evaluate.cell', params),
  'predict.image': (params, ctx) => ctx.engine.request('predict.image', params)
}
