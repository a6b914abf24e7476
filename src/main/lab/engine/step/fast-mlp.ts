/**
 * The forward and backward pass of an MLP written out by hand, for speed on wasm.
 * Autodiff's dense-layer gradients multiply with a transposed operand, which the
 * wasm backend runs many times slower than a plain matMul (DESIGN.md, Engine).
 * Here every large product is plain; the only transposes are of small matrices,
 * the first layer's input gradient is skipped, and ReLU is fused into the matMul.
 * With the loss on the host (plan.ts: wasm and cpu) it comes from host-loss.ts:
 * 56 kernels a step became 43, and the seed's gradient time went from 3.54 to
 * 3.38 ms (min; medians 5.08 to 4.60) side by side at load 4. Un-fusing the first
 * layer's bias and ReLU measured no better (1.24 vs 1.28 ms min), so it stays fused.
 * autodiff.ts computes the same numbers (fast-mlp.test.ts checks it).
 */
import * as tf from '@tensorflow/tfjs'
import type { Activation, DenseLayerSpec } from '../../../../shared/contract'
import { mixSeed } from '../rng'
import { dropoutMask } from '../model/model'
import { softmaxCrossEntropy, type HostLoss } from './host-loss'
import {
  correctCount,
  crossEntropyWithGradient,
  labelTensors,
  type GradientStep,
  type StepGradients,
  type StepInput
} from './loss'

export interface Layer {
  kernel: tf.Variable
  bias: tf.Variable
  activation: Activation | 'linear'
  dropout: number
}

/** What the backward pass needs from the forward pass of one layer. */
export interface Saved {
  input: tf.Tensor2D
  /** Pre-activation (gelu) or activation (the others): whichever the derivative is cheapest from. */
  activation: tf.Tensor2D
  mask: tf.Tensor | null
}

const sqrtHalf = Math.SQRT1_2
const invSqrtTwoPi = 1 / Math.sqrt(2 * Math.PI)

export function createFastMlpStep(
  hidden: readonly DenseLayerSpec[],
  variables: readonly tf.Variable[],
  l2: number,
  /** Loss and d loss / d logits in JavaScript (plan.ts decides). */
  onHost: boolean
): GradientStep {
  if (variables.length !== 2 * (hidden.length + 1)) {
    throw new Error('The fast MLP path needs a kernel and a bias per dense layer.')
  }
  const layers = denseLayers(hidden, variables)
  const ones = new OnesRow()

  return {
    kind: 'fast-mlp',
    gradients: (input): StepGradients => {
      if (!onHost) {
        const [loss, correct, ...grads] = tf.tidy(() => deviceStep(layers, input, l2))
        return { loss: loss as tf.Scalar, correct: correct as tf.Scalar, grads }
      }
      let measured: HostLoss = { loss: NaN, correct: 0 }
      const grads = tf.tidy(() => {
        const { saved, logits } = forward(layers, input)
        const [rows, classes] = logits.shape
        const gradient = new Float32Array(rows * classes)
        const values = logits.dataSync() as Float32Array
        measured = softmaxCrossEntropy(values, input.labels, classes, gradient)
        const d = tf.tensor2d(gradient, [rows, classes])
        return backward(layers, saved, d, input, l2, (t) => ones.sumRows(t)).grads
      })
      return { loss: measured.loss, correct: measured.correct, grads }
    }
  }
}

/** The hidden layers of `hidden` and a linear output layer, over their kernel and bias variables. */
export function denseLayers(
  hidden: readonly DenseLayerSpec[],
  variables: readonly tf.Variable[]
): Layer[] {
  return [...hidden, null].map((spec, i) => ({
    kernel: variables[2 * i]!,
    bias: variables[2 * i + 1]!,
    activation: spec ? spec.activation : 'linear',
    dropout: spec ? spec.dropout : 0
  }))
}

/** Column sums as ones(1 x rows) · t: measured 7 µs for 256x64, against 50 µs for wasm's Sum. */
export class OnesRow {
  private values = new Float32Array(0)

  sumRows(t: tf.Tensor2D): tf.Tensor1D {
    const [rows, columns] = t.shape
    if (this.values.length < rows) this.values = new Float32Array(rows).fill(1)
    const ones = tf.tensor2d(this.values.subarray(0, rows), [1, rows])
    return tf.reshape(tf.matMul(ones, t), [columns])
  }
}

export function forward(
  layers: Layer[],
  input: StepInput
): { saved: Saved[]; logits: tf.Tensor2D } {
  const saved: Saved[] = []
  let a: tf.Tensor2D = input.x
  layers.forEach((layer, i) => {
    const isOutput = i === layers.length - 1
    const fusedRelu = layer.activation === 'relu'
    const z: tf.Tensor2D = tf.fused.matMul({
      a,
      b: layer.kernel as tf.Tensor2D,
      bias: layer.bias,
      activation: fusedRelu ? 'relu' : 'linear'
    }) as tf.Tensor2D
    const h = fusedRelu || isOutput ? z : activate(z, layer.activation)
    const mask =
      layer.dropout > 0
        ? dropoutMask(h.shape, layer.dropout, mixSeed(input.dropoutSeed, i), input.share)
        : null
    saved.push({ input: a, activation: layer.activation === 'gelu' ? z : h, mask })
    a = mask ? (tf.mul(h, mask) as tf.Tensor2D) : h
  })
  return { saved, logits: a }
}

/** Returns [loss, correct, ...gradients]: a flat list, which tf.tidy keeps as it is. */
function deviceStep(layers: Layer[], input: StepInput, l2: number): tf.Tensor[] {
  const { saved, logits } = forward(layers, input)
  const targets = labelTensors(input.labels, logits.shape[1])
  const { loss, gradient: d } = crossEntropyWithGradient(logits, targets.oneHot)
  const { grads } = backward(layers, saved, d, input, l2, (t) => tf.sum(t, 0))
  return [loss, correctCount(logits, targets.labels), ...grads]
}

/**
 * Gradients of every kernel and bias, from d loss / d logits; with `inputGradient`,
 * also d loss / d input (a network below the dense layers needs it; the MLP does not).
 */
export function backward(
  layers: Layer[],
  saved: Saved[],
  output: tf.Tensor2D,
  input: StepInput,
  l2: number,
  sumRows: (t: tf.Tensor2D) => tf.Tensor1D,
  inputGradient = false
): { grads: tf.Tensor[]; dInput?: tf.Tensor2D } {
  let d = output
  const grads: tf.Tensor[] = new Array<tf.Tensor>(2 * layers.length)
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!
    const { input: layerInput } = saved[i]!
    let dKernel: tf.Tensor
    if (i > 0) dKernel = tf.matMul(tf.transpose(layerInput), d)
    else if (input.xT) {
      // xᵀ·d as a plain product of the caller's transposed copy: 1.2 ms for the seed's
      // 784x256·256x64, where (dᵀ·x)ᵀ below took 3.0 ms (XNNPACK repacks the whole
      // batch as its right operand) and tf.transpose(x) alone 2.3 ms.
      dKernel = tf.matMul(input.xT, d)
    } else dKernel = tf.transpose(tf.matMul(tf.transpose(d), layerInput))
    if (l2 > 0) dKernel = tf.add(dKernel, tf.mul(layer.kernel, 2 * l2))
    grads[2 * i] = dKernel
    grads[2 * i + 1] = sumRows(d)
    if (i === 0 && !inputGradient) break
    let dA: tf.Tensor2D = tf.matMul(d, tf.transpose(layer.kernel as tf.Tensor2D))
    if (i === 0) return { grads, dInput: dA }
    const below = saved[i - 1]!
    if (below.mask) dA = tf.mul(dA, below.mask)
    d = tf.mul(dA, activationDerivative(below.activation, layers[i - 1]!.activation)) as tf.Tensor2D
  }
  return { grads }
}

function activate(z: tf.Tensor2D, activation: Activation | 'linear'): tf.Tensor2D {
  switch (activation) {
    case 'relu':
      return tf.relu(z)
    case 'tanh':
      return tf.tanh(z)
    case 'sigmoid':
      return tf.sigmoid(z)
    case 'gelu':
      // The exact GELU, x·Φ(x), as tfjs-layers' 'gelu' computes it.
      return tf.mul(tf.mul(z, 0.5), tf.add(tf.erf(tf.mul(z, sqrtHalf)), 1))
    case 'linear':
      return z
  }
}

/** d activation / d z, from the saved activation (or pre-activation for gelu). */
function activationDerivative(saved: tf.Tensor2D, activation: Activation | 'linear'): tf.Tensor {
  switch (activation) {
    case 'relu':
      return tf.step(saved)
    case 'tanh':
      return tf.sub(1, tf.square(saved))
    case 'sigmoid':
      return tf.mul(saved, tf.sub(1, saved))
    case 'gelu': {
      const cdf = tf.mul(tf.add(tf.erf(tf.mul(saved, sqrtHalf)), 1), 0.5)
      const pdf = tf.mul(tf.exp(tf.mul(tf.square(saved), -0.5)), invSqrtTwoPi)
      return tf.add(cdf, tf.mul(saved, pdf))
    }
    case 'linear':
      return tf.onesLike(saved)
  }
}
