/**
 * Engine side of Evaluate: predictions per (run, split) are computed once and
 * cached, so metrics, confusion cells, top losses and the predictions CSV all
 * read the same numbers and a cell click never runs the model again.
 */
import { imagePixels } from '../../../../shared/image'
import { LabError, type RunRecord, type Split } from '../../../../shared/contract'
import { loadDataset, type LoadedDataset, type SplitData } from '../../datasets/load'
import { runDir } from '../../paths'
import { RunStore } from '../../runs/store'
import { fittedScalingTable } from '../../../../shared/scaling'
import type { EngineContext, EngineHandlers } from '../context'
import { nodeRunFiles } from '../node-run-files'
import type { RunFiles } from '../run-files'
import {
  argmax,
  buildEvaluation,
  cellImages,
  predictSplit,
  type Predictions
} from '../evaluate/evaluate'
import { StampedCache } from '../evaluate/evaluate-cache'
import { loadRunModel, modelStamp, type RunModel } from '../evaluate/evaluate-model'

interface SplitPredictions {
  predictions: Predictions
  data: SplitData
  classNames: string[]
}

/** A few splits' predictions (2.4 MB per 60,000 images) and the last models drawn on. */
const predictionCache = new StampedCache<SplitPredictions>(6)
const modelCache = new StampedCache<RunModel>(2, (model) => model.dispose())

interface RunContext {
  record: RunRecord
  files: RunFiles
  stamp: string
}

/** The engine only reads run.json; the host alone writes it. */
async function runContext(runId: string, ctx: EngineContext): Promise<RunContext> {
  const record = await new RunStore(ctx.paths.runs).get(runId)
  const files = nodeRunFiles(runDir(ctx.paths, runId))
  return { record, files, stamp: await modelStamp(files, record.name) }
}

/** The byte-to-input table training used: fitted on the dataset's train split, as training fits it. */
function scalingOf(record: RunRecord, dataset: LoadedDataset): Float32Array {
  return fittedScalingTable(record.config.scaling, dataset.train.images)
}

/** A run's predictions on a split, computed once per model and cached (ensembles share them). */
export async function splitPredictions(
  runId: string,
  split: Split,
  ctx: EngineContext
): Promise<SplitPredictions> {
  const run = await runContext(runId, ctx)
  return predictionCache.get(`${runId}\u0000${split}`, run.stamp, async () => {
    const dataset = await loadDataset(ctx.paths, ctx.resourcesDir, run.record.datasetId)
    // Its own model, not the drawing cache's: that one may be released between batches.
    const model = await loadRunModel(run.files, run.record.name, scalingOf(run.record, dataset))
    try {
      const data = dataset[split]
      const predictions = await predictSplit(data, dataset.classNames.length, model.predict)
      return { predictions, data, classNames: dataset.classNames }
    } finally {
      model.dispose()
    }
  })
}

function checkClass(value: number, classNames: string[], what: 'true' | 'predicted'): void {
  if (value >= classNames.length) {
    const last = classNames.length - 1
    const message = `The ${what} class ${value} does not exist: this dataset has classes 0..${last}.`
    throw what === 'true'
      ? new LabError('invalid_request', message, {
          key: 'evaluate.errors.noTrueClass',
          params: { value, last }
        })
      : new LabError('invalid_request', message, {
          key: 'evaluate.errors.noPredictedClass',
          params: { value, last }
        })
  }
}

export const evaluateHandlers: EngineHandlers<
  'evaluate.run' | 'evaluate.cell' | 'evaluate.predictions' | 'predict.image'
> = {
  'evaluate.run': async ({ runId, split }, ctx) => {
    const { predictions, data, classNames } = await splitPredictions(runId, split, ctx)
    return buildEvaluation({ runId, classNames }, split, predictions, data)
  },

  'evaluate.cell': async ({ runId, split, trueClass, predicted, limit }, ctx) => {
    const { predictions, data, classNames } = await splitPredictions(runId, split, ctx)
    checkClass(trueClass, classNames, 'true')
    checkClass(predicted, classNames, 'predicted')
    return cellImages(predictions, data, trueClass, predicted, limit)
  },

  'evaluate.predictions': async ({ runId, split }, ctx) => {
    const { predictions, data, classNames } = await splitPredictions(runId, split, ctx)
    return {
      runId,
      split,
      classNames,
      labels: Array.from(data.labels),
      predicted: Array.from(predictions.predicted),
      confidence: Array.from(predictions.confidence)
    }
  },

  'predict.image': async ({ runId, pixels }, ctx) => {
    const run = await runContext(runId, ctx)
    const model = await modelCache.get(`${runId}\u0000`, run.stamp, async () => {
      const dataset = await loadDataset(ctx.paths, ctx.resourcesDir, run.record.datasetId)
      return loadRunModel(run.files, run.record.name, scalingOf(run.record, dataset))
    })
    // Scaling is a per-byte table: drawings are made of whole 0..255 values anyway.
    const image = Uint8Array.from(pixels, (v) => Math.round(v))
    if (image.length !== imagePixels) {
      throw new LabError(
        'invalid_request',
        `An image is ${imagePixels} pixels, not ${image.length}.`,
        { key: 'evaluate.errors.imageSize', params: { pixels: imagePixels, given: image.length } }
      )
    }
    const probabilities = Array.from(await model.predict(image, 1))
    return { probabilities, predicted: argmax(probabilities) }
  }
}
