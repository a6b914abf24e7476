/**
 * Host side of the Overfit tab: the engine computes, the host keeps the results
 * as recipe checks in <home>/checks/. A one-batch overfit and the baselines are
 * jobs (jobs.ts: one at a time); the loss at init is a quick look-up.
 */
import { join } from 'node:path'
import type { ChecksKey } from '../../../shared/contract'
import { ChecksStore } from '../checks/store'
import type { HostContext, HostHandlers } from '../context'

const stores = new Map<string, ChecksStore>()

export function checksStore(ctx: HostContext): ChecksStore {
  const dir = join(ctx.paths.home, 'checks')
  let store = stores.get(dir)
  if (!store) {
    store = new ChecksStore(dir)
    stores.set(dir, store)
  }
  return store
}

const keyOf = (p: ChecksKey): ChecksKey => ({
  datasetId: p.datasetId,
  model: p.model,
  scaling: p.scaling
})

export const overfitHandlers: HostHandlers<
  | 'overfit.checkInit'
  | 'overfit.baselines'
  | 'overfit.batch'
  | 'overfit.stop'
  | 'overfit.checks'
  | 'overfit.human'
> = {
  'overfit.checkInit': async (params, ctx) => {
    const init = await ctx.engine.request('overfit.checkInit', params)
    await checksStore(ctx).update(keyOf(params), (c) => {
      c.init = init
    })
    return init
  },
  'overfit.baselines': (params, ctx) =>
    ctx.jobs.run('baselines', `baselines on ${params.datasetId}`, async () => {
      const results = await ctx.engine.request('overfit.baselines', params)
      await checksStore(ctx).update(keyOf(params), (c) => {
        c.baselines = results
      })
      return results
    }),
  'overfit.batch': (params, ctx) =>
    ctx.jobs.run(
      'overfit-batch',
      `one batch of ${params.batchSize} on ${params.datasetId}`,
      async () => {
        const result = await ctx.engine.request('overfit.batch', params)
        // A stopped job records nothing.
        if (result) {
          await checksStore(ctx).update(keyOf(params), (c) => {
            c.oneBatch = {
              batchSize: params.batchSize,
              finalLoss: result.finalLoss,
              steps: result.steps,
              passed: result.passed,
              curve: result.curve
            }
          })
        }
        return result
      }
    ),
  'overfit.stop': (params, ctx) => ctx.engine.request('overfit.stop', params),
  'overfit.checks': ({ orNewest, ...key }, ctx) =>
    orNewest ? checksStore(ctx).getOrNewest(key) : checksStore(ctx).get(key),
  'overfit.human': ({ correct, total, modelCorrect, ...key }, ctx) =>
    checksStore(ctx).update(key, (c) => {
      c.human = { correct, total, modelCorrect }
    })
}
