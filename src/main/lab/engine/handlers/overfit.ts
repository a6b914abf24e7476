/**
 * Engine side of the Overfit tab: loss at init, baselines and the one-batch
 * overfit, each on the dataset scaled as a run would see it. One overfit job
 * at a time; the host refuses them while a run trains.
 */
import { LabError } from '../../../../shared/contract'
import { loadDataset } from '../../datasets/load'
import type { EngineContext, EngineHandlers } from '../context'
import { buildModel } from '../model/model'
import { baselines } from '../overfit/baselines'
import { checkInit } from '../overfit/init-check'
import { overfitOneBatch } from '../overfit/one-batch'
import { prepareData } from '../train/session'

/** The engine's overfit jobs, as the English message names them; the catalogue words each. */
const jobNames = { baselines: 'the baselines', batch: 'a one-batch overfit' } as const
type OverfitJob = keyof typeof jobNames

let job: { what: OverfitJob; stop: boolean } | null = null

async function exclusive<T>(
  what: OverfitJob,
  work: (job: { stop: boolean }) => Promise<T>
): Promise<T> {
  if (job) {
    throw new LabError(
      'busy',
      `The engine is busy with ${jobNames[job.what]}; wait for it or stop it first.`,
      { key: `overfit.errors.engineBusy.${job.what}` }
    )
  }
  const mine = { what, stop: false }
  job = mine
  try {
    return await work(mine)
  } finally {
    if (job === mine) job = null
  }
}

async function scaled(
  ctx: EngineContext,
  datasetId: string,
  scaling: Parameters<typeof prepareData>[0]['scaling'],
  seed: number
) {
  const dataset = await loadDataset(ctx.paths, ctx.resourcesDir, datasetId)
  // The whole train split, row for row as on disk, so the batch's images can be shown.
  const data = prepareData({ scaling, trainFraction: 1, seed }, dataset)
  return { ...data, raw: dataset.train, classes: dataset.classNames.length }
}

export const overfitHandlers: EngineHandlers<
  'overfit.checkInit' | 'overfit.baselines' | 'overfit.batch' | 'overfit.stop'
> = {
  // A quick look-up, not a job: it runs between another job's steps.
  'overfit.checkInit': async (params, ctx) => {
    const data = await scaled(ctx, params.datasetId, params.scaling, params.seed)
    const model = buildModel(params.model, params.seed, data.train.inputSize, data.classes)
    try {
      return await checkInit(model, data.train, data.classes)
    } finally {
      model.dispose()
    }
  },
  'overfit.baselines': (params, ctx) =>
    exclusive('baselines', async () => {
      const data = await scaled(ctx, params.datasetId, params.scaling, params.seed)
      return baselines(data.train, data.test, data.classes, params.seed, ctx.info.backend)
    }),
  'overfit.batch': (params, ctx) =>
    exclusive('batch', async (me) => {
      const data = await scaled(ctx, params.datasetId, params.scaling, params.seed)
      return overfitOneBatch({
        model: params.model,
        train: data.train,
        classes: data.classes,
        batchSize: params.batchSize,
        steps: params.steps,
        learningRate: params.learningRate,
        seed: params.seed,
        backend: ctx.info.backend,
        onStep: (step) => ctx.emit({ name: 'overfit.step', payload: step }),
        stopped: () => me.stop,
        raw: data.raw
      })
    }),
  'overfit.stop': async () => {
    if (!job) return { stopped: false }
    job.stop = true
    return { stopped: true }
  }
}
