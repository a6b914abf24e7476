/**
 * The general training step: tf.variableGrads through the layers model. It
 * serves every model the fast MLP path does not (the CNN), and is the reference
 * the fast path is tested against.
 */
import * as tf from '@tensorflow/tfjs'
import { applyDropout } from './model'
import { mixSeed } from './rng'
import { correctCount, crossEntropy, type GradientStep, type StepInput } from './loss'

export function createAutodiffStep(
  model: tf.LayersModel,
  variables: readonly tf.Variable[],
  l2: number
): GradientStep {
  const kernels = variables.filter((v) => v.rank > 1)
  return {
    kind: 'autodiff',
    gradients: (input: StepInput) => {
      const kept: { loss?: tf.Scalar; correct?: tf.Scalar } = {}
      const { grads } = tf.variableGrads(() => {
        const logits = forward(model, input)
        // Kept out of the gradient tape's tidy: the loop reads them after the step.
        const loss = tf.keep(crossEntropy(logits, input.oneHot))
        kept.loss = loss
        kept.correct = tf.keep(correctCount(logits, input.labels))
        if (l2 === 0) return loss
        const penalty = tf.mul(tf.addN(kernels.map((k) => tf.sum(tf.square(k)))), l2)
        return tf.add(loss, penalty) as tf.Scalar
      }, variables as tf.Variable[])
      return {
        loss: kept.loss!,
        correct: kept.correct!,
        grads: variables.map((v) => grads[v.name]!)
      }
    }
  }
}

/**
 * Applies the layers one by one so dropout uses our seeded masks (the same the
 * fast path draws), keyed by the index of the dense layer before it.
 */
function forward(model: tf.LayersModel, input: StepInput): tf.Tensor2D {
  let x: tf.Tensor = input.x
  let denseIndex = -1
  for (const layer of model.layers) {
    const kind = layer.getClassName()
    if (kind === 'Dropout') {
      const rate = (layer.getConfig() as { rate: number }).rate
      x = applyDropout(x, rate, mixSeed(input.dropoutSeed, denseIndex))
      continue
    }
    if (kind === 'Dense') denseIndex++
    x = layer.apply(x) as tf.Tensor
  }
  return x as tf.Tensor2D
}
