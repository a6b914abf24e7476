/** Cross-entropy on logits and the count of right answers, on the device, shared by every step. */
import * as tf from '@tensorflow/tfjs'
import type { BatchShare } from '../model/model'

/** What one step of either path hands the loop: tensors the caller owns. */
export interface StepGradients {
  /**
   * Mean cross-entropy of the batch (no L2 term, so it compares with the test loss):
   * a number when the step computed it on the host, else a scalar on the device.
   */
  loss: tf.Scalar | number
  /** Right answers in the batch, where the loss is. */
  correct: tf.Scalar | number
  /** One gradient per trainable variable, in the model's order. */
  grads: tf.Tensor[]
}

export interface StepInput {
  /** batch x inputs, scaled. */
  x: tf.Tensor2D
  /**
   * x transposed (inputs x batch), if the caller has it: the fast path then gets
   * the first layer's weight gradient as one plain product (see fast-mlp.ts).
   */
  xT?: tf.Tensor2D
  /** One class index per row, on the host (paths computing the loss on the device upload them). */
  labels: Int32Array
  /** Seeds this step's dropout masks. */
  dropoutSeed: number
  /** Set when these rows are a worker's share of a larger batch (their masks depend on it). */
  share?: BatchShare
}

/** A step's loss or count as a number, reading the device if that is where it is. */
export function valueOf(value: tf.Scalar | number): number {
  return typeof value === 'number' ? value : value.dataSync()[0]!
}

/**
 * valueOf without blocking: the training loop uses this one, since WebGPU has no
 * cheap synchronous read (in headless Chromium none that works), and an await
 * costs the other backends little.
 */
export async function readValue(value: tf.Scalar | number): Promise<number> {
  return typeof value === 'number' ? value : (await value.data())[0]!
}

/** Computes the loss and gradients of one batch; training and the agreement test call it. */
export interface GradientStep {
  readonly kind: 'fast-mlp' | 'fast-cnn' | 'autodiff'
  gradients(input: StepInput): StepGradients
}

/**
 * Log-softmax of each row, max-shifted so large logits stay finite: the one
 * formula of the loss on the device. host-loss.ts is the same loss in
 * JavaScript for the wasm and cpu backends; both are checked against PyTorch's
 * numbers (reference/optimizers.json).
 */
function logSoftmax(logits: tf.Tensor2D): tf.Tensor2D {
  const shifted = tf.sub(logits, tf.max(logits, 1, true))
  return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), 1, true)))
}

/** Mean softmax cross-entropy of logits against one-hot rows. */
export function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => meanPicked(logSoftmax(logits), oneHot))
}

/**
 * The loss and d loss / d logits = (softmax - onehot) / rows together, for a
 * step that writes its backward pass out by hand (fast-mlp.ts on the device).
 */
export function crossEntropyWithGradient(
  logits: tf.Tensor2D,
  oneHot: tf.Tensor2D
): { loss: tf.Scalar; gradient: tf.Tensor2D } {
  return tf.tidy(() => {
    const logProbs = logSoftmax(logits)
    const gradient = tf.div(tf.sub(tf.exp(logProbs), oneHot), logits.shape[0]) as tf.Tensor2D
    return { loss: meanPicked(logProbs, oneHot), gradient }
  })
}

function meanPicked(logProbs: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.div(tf.neg(tf.sum(tf.mul(logProbs, oneHot))), logProbs.shape[0]) as tf.Scalar
}

/** The labels as the device-side loss wants them: indices and their one-hot rows. */
export function labelTensors(
  labels: Int32Array,
  classes: number
): { labels: tf.Tensor1D; oneHot: tf.Tensor2D } {
  return tf.tidy(() => {
    const indices = tf.tensor1d(labels, 'int32')
    return { labels: indices, oneHot: tf.oneHot(indices, classes).toFloat() as tf.Tensor2D }
  })
}

export function correctCount(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')))
}
