/**
 * The general training step: tf.variableGrads through the layers model. It
 * serves every model the fast MLP path does not (the CNN), and is the reference
 * the fast path is tested against.
 */
import * as tf from '@tensorflow/tfjs'
import { applyDropout } from '../model/model'
import { mixSeed } from '../rng'
import { correctCount, crossEntropy, labelTensors, type GradientStep, type StepInput } from './loss'

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
        const targets = labelTensors(input.labels, logits.shape[1])
        // Kept out of the gradient tape's tidy: the loop reads them after the step.
        const loss = tf.keep(crossEntropy(logits, targets.oneHot))
        kept.loss = loss
        kept.correct = tf.keep(correctCount(logits, targets.labels))
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
      x = applyDropout(x, rate, mixSeed(input.dropoutSeed, denseIndex), input.share)
      continue
    }
    if (kind === 'Dense') denseIndex++
    x =
      kind === 'Conv2D' && !hasConvFilterGradient()
        ? convByPatches(
            x as tf.Tensor4D,
            layer.trainableWeights.map((w) => w.read())
          )
        : (layer.apply(x) as tf.Tensor)
  }
  return x as tf.Tensor2D
}

/** tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so conv layers cannot train there. */
function hasConvFilterGradient(): boolean {
  return tf.getKernel('Conv2DBackpropFilter', tf.getBackend()) !== undefined
}

/**
 * The model's 'same'-padded, stride-1 ReLU convolution as patches times kernel:
 * the same numbers, built from ops whose gradients every backend has.
 */
function convByPatches(x: tf.Tensor4D, [kernel, bias]: tf.Tensor[]): tf.Tensor4D {
  const [kh, kw, inChannels, filters] = kernel!.shape as [number, number, number, number]
  const [batch, height, width] = x.shape
  const top = Math.floor((kh - 1) / 2)
  const left = Math.floor((kw - 1) / 2)
  const padded = tf.pad(x, [
    [0, 0],
    [top, kh - 1 - top],
    [left, kw - 1 - left],
    [0, 0]
  ])
  // Ordered row, column, channel: the order of the kernel's first three axes.
  const shifts: tf.Tensor4D[] = []
  for (let dy = 0; dy < kh; dy++) {
    for (let dx = 0; dx < kw; dx++) {
      shifts.push(tf.slice(padded, [0, dy, dx, 0], [batch, height, width, inChannels]))
    }
  }
  const patches = tf.reshape(tf.concat(shifts, 3), [batch * height * width, kh * kw * inChannels])
  const out = tf.add(
    tf.matMul(patches, tf.reshape(kernel!, [kh * kw * inChannels, filters])),
    bias!
  )
  return tf.reshape(tf.relu(out), [batch, height, width, filters])
}
