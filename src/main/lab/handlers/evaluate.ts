import { summaryOf } from '../../../shared/metrics'
import type { HostHandlers } from '../context'

/**
 * Evaluation runs in the engine (it holds the model, the data and the cached
 * predictions); the host only records the test-split result, since it alone
 * writes run.json.
 */
export const evaluateHandlers: HostHandlers<
  'evaluate.run' | 'evaluate.cell' | 'evaluate.predictions' | 'predict.image'
> = {
  'evaluate.run': async (params, ctx) => {
    const evaluation = await ctx.engine.request('evaluate.run', params)
    // The test split is the one a run is judged by; a train-split evaluation is a
    // look at overfitting and would overwrite it with a flattering number.
    if (params.split === 'test') {
      await ctx.runs.update(params.runId, (record) => {
        record.evaluation = summaryOf(evaluation)
      })
      ctx.emit('runs.changed', { runId: params.runId })
    }
    return evaluation
  },
  'evaluate.cell': (params, ctx) => ctx.engine.request('evaluate.cell', params),
  'evaluate.predictions': (params, ctx) => ctx.engine.request('evaluate.predictions', params),
  'predict.image': (params, ctx) => ctx.engine.request('predict.image', params)
}
