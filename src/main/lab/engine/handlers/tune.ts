/** Engine side of Tune: the learning-rate finder. */
import { loadDataset } from '../../datasets/load'
import type { EngineHandlers } from '../context'
import { runLrSweep } from '../train/lr-finder'
import { prepareData } from '../train/session'

/** Sweep points go out at most this often (a sweep of the seed MLP takes about a second). */
const progressIntervalMs = 50

export const tuneHandlers: EngineHandlers<'lr.find'> = {
  'lr.find': async (params, ctx) => {
    const dataset = await loadDataset(ctx.paths, ctx.resourcesDir, params.config.datasetId)
    // The test split is not even prepared: the sweep must never see it.
    const { train } = prepareData(params.config, dataset)
    let last = -Infinity
    return runLrSweep({
      params,
      train,
      classes: dataset.classNames.length,
      backend: ctx.info.backend,
      onPoint: (point) => {
        const now = performance.now()
        if (now - last < progressIntervalMs && point.step !== params.steps) return
        last = now
        ctx.emit({ name: 'lr.progress', payload: { ...point, steps: params.steps } })
      }
    })
  }
}
