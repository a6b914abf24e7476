/**
 * The prediction dynamics strip: after each epoch, the class and confidence the
 * model gives a fixed strip of test images (the split's first ones, which
 * Explore's first page shows too). Over the epochs the learner sees which
 * digits settle early and which flip.
 */
import * as tf from '@tensorflow/tfjs'
import type { PredictionStrip } from '../../../../shared/contract'
import type { PreparedSplit } from '../data/batches'

export const stripSize = 16

export async function predictionStrip(
  model: tf.LayersModel,
  test: PreparedSplit
): Promise<PredictionStrip> {
  const count = Math.min(stripSize, test.count)
  if (count === 0) return { predicted: [], confidence: [] }
  const [predicted, confidence] = tf.tidy(() => {
    const x = tf.tensor2d(test.x.subarray(0, count * test.inputSize), [count, test.inputSize])
    const probabilities = tf.softmax(model.apply(x, { training: false }) as tf.Tensor2D)
    return [tf.argMax(probabilities, 1), tf.max(probabilities, 1)]
  })
  // Read asynchronously: a synchronous read loses SwiftShader's WebGPU device.
  try {
    return {
      predicted: Array.from(await predicted.data()),
      confidence: Array.from(await confidence.data())
    }
  } finally {
    tf.dispose([predicted, confidence])
  }
}
