/**
 * Overfit one batch (Karpathy: "overfit one batch"): a single fixed batch, no
 * shuffling, no dropout, no L2, trained until its loss is near zero. A model and
 * loop that cannot memorise 32 images will not learn 60,000.
 */
import * as tf from '@tensorflow/tfjs'
import {
  LabError,
  overfitPassLoss,
  overfitStopLoss,
  type BackendName,
  type ModelSpec,
  type OverfitBatchResult,
  type OverfitStep
} from '../../../../shared/contract'
import type { PreparedSplit, RawSplit } from '../data/batches'
import { buildModel } from '../model/model'
import { mixSeed, permutation } from '../rng'
import { chooseStep } from '../step/choice'
import { buildStep } from '../step/plan'
import { valueOf } from '../step/loss'
import { diagnosticWarnings, singleThreaded, stepDiagnostics } from './diagnostics'
import { stuckReason, type StuckReason } from '../../../../shared/overfit-advice'

export interface OneBatchOptions {
  model: ModelSpec
  train: PreparedSplit
  classes: number
  batchSize: number
  steps: number
  learningRate: number
  seed: number
  /** Where the steps run: the step module decides the path from it. */
  backend: BackendName
  /** Throttled progress: the step, its loss and the batch's predicted labels. */
  onStep?(step: OverfitStep): void
  /** Checked between steps: stops the job when it returns true. */
  stopped?(): boolean
  /** The unscaled split `train` came from, row for row: its images go out with the first step. */
  raw?: RawSplit
}

const stepEventIntervalMs = 100
const yieldIntervalMs = 8

/** The same model without dropout: the batch must be memorised, not regularised. */
export function withoutDropout(spec: ModelSpec): ModelSpec {
  return spec.kind === 'mlp'
    ? { kind: 'mlp', hidden: spec.hidden.map((l) => ({ ...l, dropout: 0 })) }
    : { ...spec, dropout: 0 }
}

/** The fixed batch: the first rows of a seeded shuffle, so classes are mixed. */
export function batchRows(count: number, batchSize: number, seed: number): Int32Array {
  if (batchSize > count) {
    throw new LabError(
      'invalid_request',
      `A batch of ${batchSize} images is larger than the training split (${count} images). Choose a batch of at most ${count}.`,
      { key: 'overfit.errors.batchTooLarge', params: { batchSize, count } }
    )
  }
  return permutation(count, mixSeed(seed, 0xba7c)).slice(0, batchSize)
}

/** What to suspect when the batch would not overfit, in English for the CLI. */
const stuckHints: Record<StuckReason, string> = {
  diverged:
    'The loss became NaN or infinite: the learning rate is too large (try a tenth of it), or the inputs are not scaled.',
  flat: 'The loss hardly moved. Suspect the learning rate (far too small or too large), a layer that cannot learn (see the diagnostics below), or labels shuffled against their images.',
  slow: 'The loss falls but too slowly: give it more steps or a larger learning rate; a model too small for the batch, or labels shuffled against images, also stop it short of zero.'
}

function batchImages(
  raw: RawSplit,
  rows: Int32Array,
  labels: Int32Array
): NonNullable<OverfitStep['batch']> {
  const size = raw.images.length / raw.count
  return {
    images: Array.from(rows, (row) =>
      Array.from(raw.images.subarray(row * size, (row + 1) * size))
    ),
    labels: Array.from(labels)
  }
}

/** Predicted class per row of the batch. */
function predict(model: tf.LayersModel, x: tf.Tensor2D): number[] {
  return tf.tidy(() => Array.from(tf.argMax(model.apply(x) as tf.Tensor2D, 1).dataSync()))
}

export async function overfitOneBatch(
  options: OneBatchOptions
): Promise<OverfitBatchResult | null> {
  const { train, classes, batchSize } = options
  const rows = batchRows(train.count, batchSize, options.seed)
  const width = train.inputSize
  const xs = new Float32Array(batchSize * width)
  const xsT = new Float32Array(batchSize * width)
  const labels = new Int32Array(batchSize)
  rows.forEach((row, b) => {
    xs.set(train.x.subarray(row * width, (row + 1) * width), b * width)
    for (let j = 0; j < width; j++) xsT[j * batchSize + b] = train.x[row * width + j]!
    labels[b] = train.labels[row]!
  })
  const spec = withoutDropout(options.model)
  const model = buildModel(spec, options.seed, width, classes)
  const built = await buildStep(chooseStep(spec.kind, options.backend), spec, model, {
    l2: 0,
    optimizer: { name: 'adam', learningRate: options.learningRate, momentum: 0 }
  })
  const step = singleThreaded(built.gradients)
  const optimizer = built.optimizer
  const x = tf.tensor2d(xs, [batchSize, width])
  const xT = tf.tensor2d(xsT, [width, batchSize])
  const curve: { step: number; loss: number }[] = []
  let lastEvent = -Infinity
  let lastYield = performance.now()
  try {
    for (let s = 1; s <= options.steps; s++) {
      if (options.stopped?.()) return null
      const result = step.gradients({
        x,
        ...(step.kind === 'fast-mlp' ? { xT } : {}),
        labels,
        dropoutSeed: s
      })
      optimizer.apply(result.grads)
      const loss = valueOf(result.loss)
      tf.dispose([result.grads, ...(typeof result.loss === 'number' ? [] : [result.loss])])
      if (typeof result.correct !== 'number') result.correct.dispose()
      curve.push({ step: s, loss })
      const done = loss < overfitStopLoss || !Number.isFinite(loss) || s === options.steps
      const now = performance.now()
      if (options.onStep && (s === 1 || done || now - lastEvent >= stepEventIntervalMs)) {
        lastEvent = now
        options.onStep({
          step: s,
          loss,
          predictions: predict(model, x),
          ...(s === 1 && options.raw ? { batch: batchImages(options.raw, rows, labels) } : {})
        })
      }
      if (done) break
      if (now - lastYield >= yieldIntervalMs) {
        await new Promise<void>((resolve) => setImmediate(resolve))
        lastYield = performance.now()
      }
    }
    const finalLoss = curve[curve.length - 1]!.loss
    const passed = finalLoss < overfitPassLoss
    const diagnostics = await stepDiagnostics(model, step, x, labels)
    return {
      finalLoss,
      steps: curve.length,
      passed,
      indices: Array.from(rows),
      labels: Array.from(labels),
      curve,
      predictions: predict(model, x),
      diagnostics,
      warnings: diagnosticWarnings(diagnostics),
      ...(passed ? {} : { hint: stuckHints[stuckReason(curve)] })
    }
  } finally {
    tf.dispose([x, xT])
    optimizer.dispose()
    model.dispose()
  }
}
