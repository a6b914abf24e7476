/**
 * One share of a batch through a gradient step: rows [offset, offset + count) of
 * a batch held in host memory, with the loss and the gradients scaled by
 * count / total, so that the shares of one batch only need adding up. The step
 * workers (worker.ts) and the engine thread, which computes the first share
 * itself (step-pool.ts), both go through here.
 */
import * as tf from '@tensorflow/tfjs'
import { gatherTransposed, type PreparedSplit } from '../data/batches'
import { valueOf, type GradientStep } from '../step/loss'

/** A whole batch as one side of the pool sees it, and its reused transposed buffer. */
export interface ShareSource {
  /** The batch seen as a split, so gatherTransposed can read its rows; labels come separately. */
  batch: PreparedSplit
  labels: Int32Array
  /** 0, 1, 2, ...: the batch's rows in order, for gatherTransposed. */
  rows: Int32Array
  /** Set for the fast MLP, which multiplies by x transposed (see fast-mlp.ts). */
  xT: Float32Array | null
}

export interface Share {
  offset: number
  count: number
  total: number
  dropoutSeed: number
}

/** A share source over `x` and `labels`, with a transposed buffer when `step` wants one. */
export function shareSource(
  step: GradientStep,
  x: Float32Array,
  labels: Int32Array,
  batchSize: number,
  inputSize: number
): ShareSource {
  return {
    batch: { x, labels: new Uint8Array(0), count: batchSize, inputSize },
    labels,
    rows: Int32Array.from({ length: batchSize }, (_, i) => i),
    xT: step.kind === 'fast-mlp' ? new Float32Array(batchSize * inputSize) : null
  }
}

/**
 * Writes the share's scaled gradients into `out` (all variables, one after the
 * other) and returns its scaled loss and its count of right answers.
 */
export function computeShare(
  step: GradientStep,
  source: ShareSource,
  share: Share,
  out: Float32Array
): { loss: number; correct: number } {
  const { offset, count, total } = share
  const width = source.batch.inputSize
  const x = tf.tensor2d(source.batch.x.subarray(offset * width, (offset + count) * width), [
    count,
    width
  ])
  let xT: tf.Tensor2D | undefined
  if (source.xT) {
    gatherTransposed(source.batch, source.rows, offset, count, source.xT)
    xT = tf.tensor2d(source.xT.subarray(0, count * width), [width, count])
  }
  const result = step.gradients({
    x,
    ...(xT ? { xT } : {}),
    labels: source.labels.subarray(offset, offset + count),
    dropoutSeed: share.dropoutSeed,
    share: { offset, total }
  })
  const scale = count / total
  let at = 0
  for (const grad of result.grads) {
    const values = grad.dataSync() as Float32Array
    for (let i = 0; i < values.length; i++) out[at + i] = values[i]! * scale
    at += values.length
  }
  const loss = valueOf(result.loss) * scale
  const correct = valueOf(result.correct)
  tf.dispose([x, ...(xT ? [xT] : []), ...result.grads])
  if (typeof result.loss !== 'number') result.loss.dispose()
  if (typeof result.correct !== 'number') result.correct.dispose()
  return { loss, correct }
}
