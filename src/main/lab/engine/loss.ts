/** Cross-entropy on logits and the count of right answers, shared by both training paths. */
import * as tf from '@tensorflow/tfjs'

/** What one step of either path hands the loop: tensors the caller owns. */
export interface StepGradients {
  /** Mean cross-entropy of the batch (no L2 term, so it compares with the test loss). */
  loss: tf.Scalar
  /** Right answers in the batch. */
  correct: tf.Scalar
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
  oneHot: tf.Tensor2D
  labels: tf.Tensor1D
  /** Seeds this step's dropout masks. */
  dropoutSeed: number
}

/** Computes the loss and gradients of one batch; training and the agreement test call it. */
export interface GradientStep {
  readonly kind: 'fast-mlp' | 'autodiff'
  gradients(input: StepInput): StepGradients
}

/** Mean softmax cross-entropy from logits, via a max-shifted log-sum-exp so large logits stay finite. */
export function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const shifted = tf.sub(logits, tf.max(logits, 1, true))
    const logSumExp = tf.log(tf.sum(tf.exp(shifted), 1, true))
    const picked = tf.sum(tf.mul(tf.sub(shifted, logSumExp), oneHot))
    return tf.div(tf.neg(picked), logits.shape[0]) as tf.Scalar
  })
}

export function correctCount(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')))
}
