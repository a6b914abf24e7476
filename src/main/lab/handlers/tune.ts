/**
 * Host side of Tune. The learning-rate sweep runs in the engine that trains,
 * so it is one of the lab's jobs (jobs.ts): refused while another runs.
 */
import type { HostHandlers } from '../context'

export const tuneHandlers: HostHandlers<'lr.find' | 'ensemble.evaluate'> = {
  'ensemble.evaluate': (params, ctx) => ctx.engine.request('ensemble.evaluate', params),
  'lr.find': (params, ctx) =>
    ctx.jobs.run('lr-sweep', `a sweep on ${params.config.datasetId}`, () =>
      ctx.engine.request('lr.find', params)
    )
}
