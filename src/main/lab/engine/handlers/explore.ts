import { evictDataset, loadDataset } from '../../datasets/load'
import type { EngineContext, EngineHandlers } from '../context'
import { classImages, computeFacts, samplePage, scalingReport } from '../data/explore'

const load = (datasetId: string, ctx: EngineContext) =>
  loadDataset(ctx.paths, ctx.resourcesDir, datasetId)

export const exploreHandlers: EngineHandlers<
  'explore.facts' | 'explore.samples' | 'explore.scaling' | 'explore.classImages' | 'dataset.evict'
> = {
  'explore.facts': async ({ datasetId }, ctx) => computeFacts(await load(datasetId, ctx)),
  'explore.samples': async ({ datasetId, ...query }, ctx) =>
    samplePage(await load(datasetId, ctx), query),
  'explore.scaling': async ({ datasetId, scaling }, ctx) =>
    scalingReport(await load(datasetId, ctx), scaling),
  'explore.classImages': async ({ datasetId }, ctx) => classImages(await load(datasetId, ctx)),
  'dataset.evict': async ({ datasetId }) => ({ evicted: evictDataset(datasetId) })
}
