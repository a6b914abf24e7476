/**
 * The loss of an untrained model (Karpathy: "verify loss @ init"): a model that
 * knows nothing should spread its guesses evenly, so its mean cross-entropy
 * sits near ln(number of classes) and its logits near zero.
 */
import * as tf from '@tensorflow/tfjs'
import { initCheckImages, initLossOk, type InitCheck } from '../../../../shared/contract'
import type { PreparedSplit } from '../data/batches'
import { evaluate } from '../train/loop'

/** The first `limit` rows of a split: a fixed set, the same for every model. */
export function firstRows(split: PreparedSplit, limit: number): PreparedSplit {
  const count = Math.min(limit, split.count)
  return {
    x: split.x.subarray(0, count * split.inputSize),
    labels: split.labels.subarray(0, count),
    count,
    inputSize: split.inputSize
  }
}

export async function checkInit(
  model: tf.LayersModel,
  train: PreparedSplit,
  classes: number
): Promise<InitCheck> {
  const set = firstRows(train, initCheckImages)
  const { loss } = await evaluate(model, set, classes)
  const logitSpread = tf.tidy(() => {
    const logits = model.apply(tf.tensor2d(set.x, [set.count, set.inputSize]), {
      training: false
    }) as tf.Tensor
    return tf.moments(logits).variance.sqrt().dataSync()[0]!
  })
  const expected = Math.log(classes)
  return {
    initialLoss: loss,
    expected,
    ok: initLossOk(loss, classes),
    images: set.count,
    logitSpread
  }
}
