/**
 * The engine's Evaluate handlers end to end on the bundled MNIST sample, with a
 * nearest-class-mean linear model saved as training saves models. Also the
 * promise of `lab evaluate --predictions`: the confusion matrix and F1 computed
 * from the predictions CSV agree with the evaluation itself.
 */
import { imagePixels } from '../../../../shared/image'
import * as tf from '@tensorflow/tfjs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Evaluation, RunRecord } from '../../../../shared/contract'
import { confusionMatrix, summarize } from '../../../../shared/metrics'
import { loadDataset, type LoadedDataset } from '../../datasets/load'
import { nodeServices } from '../node-services'
import { labPaths, runDir } from '../../paths'
import { parsePredictionsCsv, predictionsCsv } from '../../runs/export-format'
import { sampleRecord } from '../../../../shared/testing/sample-run'
import { RunStore } from '../../runs/store'
import { saveModel } from '../train/checkpoint'
import type { EngineContext } from '../context'
import { predictSplit } from './evaluate'
import { evaluateHandlers } from '../handlers/evaluate'
import { nodeRunFiles } from '../node-run-files'

// The real predictSplit, watched: how often the handlers run the model over a split.
vi.mock('./evaluate', async (importOriginal) => {
  const original = await importOriginal<typeof import('./evaluate')>()
  return { ...original, predictSplit: vi.fn(original.predictSplit) }
})

const resourcesDir = resolve(__dirname, '../../../../../resources')
let home: string
let ctx: EngineContext
let dataset: LoadedDataset
let run: RunRecord

/**
 * logit_c = x . m_c - |m_c|^2 / 2 with m_c the mean training image of class c
 * (inputs scaled to [0, 1]): the nearest class mean, as a single dense layer.
 */
function classMeanModel(data: LoadedDataset): tf.Sequential {
  const classes = data.classNames.length
  const means = new Float32Array(imagePixels * classes)
  const counts = new Array<number>(classes).fill(0)
  for (let i = 0; i < data.train.count; i++) {
    const c = data.train.labels[i]
    counts[c]++
    for (let j = 0; j < imagePixels; j++) {
      means[j * classes + c] += data.train.images[i * imagePixels + j] / 255
    }
  }
  const bias = new Float32Array(classes)
  for (let c = 0; c < classes; c++) {
    for (let j = 0; j < imagePixels; j++) {
      means[j * classes + c] /= counts[c]
      bias[c] -= means[j * classes + c] ** 2 / 2
    }
  }
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [imagePixels], units: classes })]
  })
  const weights = [tf.tensor2d(means, [imagePixels, classes]), tf.tensor1d(bias)]
  model.setWeights(weights)
  tf.dispose(weights)
  return model
}

beforeAll(async () => {
  await tf.setBackend('cpu')
  home = await mkdtemp(join(tmpdir(), 'mnist-lab-evaluate-'))
  const paths = labPaths(home)
  ctx = {
    paths,
    resourcesDir,
    info: {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      tfjsVersion: tf.version.tfjs,
      backend: 'cpu',
      backendChoice: 'cpu',
      attempts: []
    },
    emit: () => undefined,
    training: { session: null },
    services: nodeServices(paths, resourcesDir, () => Promise.resolve())
  }
  dataset = await loadDataset(paths, resourcesDir, 'mnist-sample')
  const { config } = sampleRecord()
  run = await new RunStore(paths.runs).create({
    config: { ...config, datasetId: 'mnist-sample', scaling: 'unit' },
    datasetName: dataset.name,
    split: { train: dataset.train.count, test: dataset.test.count },
    parameterCount: 7850
  })
  const model = classMeanModel(dataset)
  await saveModel(model, nodeRunFiles(runDir(paths, run.id)))
  model.dispose()
})

afterAll(async () => {
  await rm(home, { recursive: true, force: true })
})

describe('engine evaluate handlers on the MNIST sample', () => {
  let evaluation: Evaluation

  beforeAll(async () => {
    evaluation = await evaluateHandlers['evaluate.run']({ runId: run.id, split: 'test' }, ctx)
  })

  it('evaluates the test split: a nearest-class-mean model gets most digits right', () => {
    expect(evaluation.runId).toBe(run.id)
    expect(evaluation.classNames).toEqual(dataset.classNames)
    expect(evaluation.confusion.flat().reduce((a, b) => a + b, 0)).toBe(dataset.test.count)
    expect(evaluation.accuracy).toBeGreaterThan(0.7)
    expect(evaluation.accuracy).toBeLessThan(0.95)
    expect(evaluation.perClass.map((m) => m.support)).toEqual(
      evaluation.confusion.map((row) => row.reduce((a, b) => a + b, 0))
    )
    expect(evaluation.topLosses.length).toBeGreaterThan(0)
    expect(evaluation.topLosses.every((s) => s.label !== s.predicted)).toBe(true)
    expect(evaluation.confusedPairs[0].count).toBe(
      Math.max(...evaluation.confusion.flatMap((row, r) => row.filter((_, c) => c !== r)))
    )
  })

  it('agrees with metrics recomputed from the predictions CSV', async () => {
    const table = await evaluateHandlers['evaluate.predictions'](
      { runId: run.id, split: 'test' },
      ctx
    )
    const rows = parsePredictionsCsv(predictionsCsv(table))
    expect(rows).toHaveLength(dataset.test.count)
    const confusion = confusionMatrix(
      rows.map((r) => r.label),
      rows.map((r) => r.predicted),
      table.classNames.length
    )
    const fromCsv = summarize('test', confusion)
    expect(fromCsv.confusion).toEqual(evaluation.confusion)
    expect(fromCsv.accuracy).toBe(evaluation.accuracy)
    expect(fromCsv.macroF1).toBe(evaluation.macroF1)
    expect(fromCsv.weightedF1).toBe(evaluation.weightedF1)
    expect(fromCsv.perClass).toEqual(evaluation.perClass)
  })

  it('serves the images of every cell, the counts matching the matrix', async () => {
    const [pair] = evaluation.confusedPairs
    const cell = await evaluateHandlers['evaluate.cell'](
      {
        runId: run.id,
        split: 'test',
        trueClass: pair.trueClass,
        predicted: pair.predicted,
        limit: 5
      },
      ctx
    )
    expect(cell.total).toBe(pair.count)
    expect(cell.items.length).toBe(Math.min(5, pair.count))
    const confidences = cell.items.map((s) => s.confidence)
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a))
    for (const item of cell.items) {
      expect(item.label).toBe(pair.trueClass)
      expect(item.predicted).toBe(pair.predicted)
      expect(item.pixels).toEqual(
        Array.from(dataset.test.images.subarray(item.index * 784, (item.index + 1) * 784))
      )
    }
  })

  it('answers cell clicks from the cache, without running the model again', async () => {
    const runs = vi.mocked(predictSplit).mock.calls.length
    expect(runs).toBeGreaterThan(0)
    for (let c = 0; c < 10; c++) {
      const cell = await evaluateHandlers['evaluate.cell'](
        { runId: run.id, split: 'test', trueClass: c, predicted: c, limit: 20 },
        ctx
      )
      expect(cell.total).toBe(evaluation.confusion[c][c])
    }
    expect(vi.mocked(predictSplit).mock.calls.length).toBe(runs)
  })

  it('refuses a class the dataset does not have', async () => {
    await expect(
      evaluateHandlers['evaluate.cell'](
        { runId: run.id, split: 'test', trueClass: 10, predicted: 0, limit: 5 },
        ctx
      )
    ).rejects.toMatchObject({
      code: 'invalid_request',
      text: { key: 'evaluate.errors.noTrueClass', params: { value: 10, last: 9 } }
    })
  })

  it('predicts a single image as the evaluation did', async () => {
    const image = evaluation.topLosses[0]
    const result = await evaluateHandlers['predict.image'](
      { runId: run.id, pixels: image.pixels },
      ctx
    )
    expect(result.predicted).toBe(image.predicted)
    result.probabilities.forEach((p, i) => expect(p).toBeCloseTo(image.probabilities[i], 5))
  })

  it('evaluates the train split separately', async () => {
    const train = await evaluateHandlers['evaluate.run']({ runId: run.id, split: 'train' }, ctx)
    expect(train.split).toBe('train')
    expect(train.confusion.flat().reduce((a, b) => a + b, 0)).toBe(dataset.train.count)
  })

  it('says which run does not exist', async () => {
    await expect(
      evaluateHandlers['evaluate.run']({ runId: 'no-such-run', split: 'test' }, ctx)
    ).rejects.toMatchObject({ code: 'not_found' })
  })
})
