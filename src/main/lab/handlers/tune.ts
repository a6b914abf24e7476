/**
 * Host side of Tune. The learning-rate finder runs in the engine that trains,
 * so it waits its turn: one job at a time.
 */
import { LabError } from '../../../shared/contract'
import type { HostHandlers } from '../context'
import { activeTrainingRun } from './training'

export const tuneHandlers: HostHandlers<'lr.find' | 'ensemble.evaluate'> = {
  'ensemble.evaluate': (params, ctx) => ctx.engine.request('ensemble.evaluate', params),
  'lr.find': async (params, ctx) => {
    const running = activeTrainingRun(ctx)
    if (running) {
      throw new LabError(
        'busy',
        `Run ${running} is training; stop it before the learning-rate finder runs.`
      )
    }
    return ctx.engine.request('lr.find', params)
  }
}
