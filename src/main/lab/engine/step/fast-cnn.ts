/**
 * The CNN's forward and backward pass written out by hand, for speed on wasm.
 * tfjs-backend-wasm has no Conv2DBackpropFilter, and its Conv2DBackpropInput and
 * MaxPoolGrad are plain loops; autodiff through them trained the CNN preset at
 * about 150 images/s. Here every large piece is one XNNPACK kernel or one plain
 * matrix product (DESIGN.md, Engine, speed traps):
 * - forward: fused conv + bias + ReLU, max pooling, the dense head of fast-mlp.ts;
 * - input gradient of a convolution: a forward convolution of the output gradient
 *   with the kernel turned 180° and its channels swapped (exact for 'same'
 *   padding with an odd kernel): for conv2 at batch 256, 61 ms against 555 ms
 *   for Conv2DBackpropInput (one run each, side by side, load about 6 on 2 cores);
 * - weight gradient: see `kernelGradient`;
 * - max-pool and ReLU gradient: one pass on the host (`maxPoolReluGradient`).
 * autodiff.ts computes the same numbers (fast-cnn.test.ts checks it).
 */
import * as tf from '@tensorflow/tfjs'
import type { ModelSpec } from '../../../../shared/contract'
import { cnnKernelSize } from '../../../../shared/model-summary'
import {
  backward as denseBackward,
  denseLayers,
  forward as denseForward,
  OnesRow
} from './fast-mlp'
import { softmaxCrossEntropy, type HostLoss } from './host-loss'
import type { GradientStep, StepGradients, StepInput } from './loss'

type CnnSpec = Extract<ModelSpec, { kind: 'cnn' }>

interface ConvLayer {
  kernel: tf.Variable
  bias: tf.Variable
}

/** What the backward pass needs of one convolution block (conv, ReLU, pool). */
interface ConvSaved {
  input: tf.Tensor4D
  /** After ReLU, before pooling. */
  activation: tf.Tensor4D
}

const pool = 2

/**
 * Whether this path can train `spec` on square images of `inputSize` pixels: every
 * pooling must see an even side (else 'valid' pooling drops a row the upsampling
 * here would not), and the kernel must be odd for the flipped-kernel input gradient.
 */
export function fastCnnFits(spec: ModelSpec, inputSize: number): boolean {
  if (spec.kind !== 'cnn') return false
  const side = Math.round(Math.sqrt(inputSize))
  return (
    side * side === inputSize && side % pool ** spec.filters.length === 0 && cnnKernelSize % 2 === 1
  )
}

/** Runs on wasm and cpu, where the loss is computed on the host (host-loss.ts). */
export function createFastCnnStep(
  spec: CnnSpec,
  variables: readonly tf.Variable[],
  l2: number,
  inputSize: number
): GradientStep {
  const convCount = spec.filters.length
  if (variables.length !== 2 * (convCount + 2)) {
    throw new Error('The fast CNN path needs a kernel and a bias per convolution and dense layer.')
  }
  const convs: ConvLayer[] = spec.filters.map((_, i) => ({
    kernel: variables[2 * i]!,
    bias: variables[2 * i + 1]!
  }))
  const head = denseLayers(
    [{ units: spec.dense, activation: 'relu', dropout: spec.dropout }],
    variables.slice(2 * convCount)
  )
  const side = Math.round(Math.sqrt(inputSize))
  const ones = new OnesRow()
  const sumRows = (t: tf.Tensor2D): tf.Tensor1D => ones.sumRows(t)

  return {
    kind: 'fast-cnn',
    gradients: (input: StepInput): StepGradients => {
      let measured: HostLoss = { loss: NaN, correct: 0 }
      const grads = tf.tidy(() => {
        const batch = input.x.shape[0]
        const saved: ConvSaved[] = []
        let a = tf.reshape(input.x, [batch, side, side, 1]) as tf.Tensor4D
        for (const conv of convs) {
          const activation = tf.fused.conv2d({
            x: a,
            filter: conv.kernel as tf.Tensor4D,
            strides: 1,
            pad: 'same',
            bias: conv.bias,
            activation: 'relu'
          })
          const pooled = tf.maxPool(activation, pool, pool, 'valid')
          saved.push({ input: a, activation })
          a = pooled
        }
        const flat = tf.reshape(a, [batch, -1]) as tf.Tensor2D
        const { saved: headSaved, logits } = denseForward(head, { ...input, x: flat })
        const classes = logits.shape[1]
        const gradient = new Float32Array(batch * classes)
        measured = softmaxCrossEntropy(
          logits.dataSync() as Float32Array,
          input.labels,
          classes,
          gradient
        )
        const dLogits = tf.tensor2d(gradient, [batch, classes])
        const dense = denseBackward(head, headSaved, dLogits, input, l2, sumRows, true)

        const convGrads: tf.Tensor[] = new Array<tf.Tensor>(2 * convCount)
        let d = tf.reshape(dense.dInput!, a.shape) as tf.Tensor4D
        for (let i = convCount - 1; i >= 0; i--) {
          const { input: x, activation } = saved[i]!
          const { dz, dBias } = maxPoolReluGradient(activation, d)
          let dKernel: tf.Tensor = kernelGradient(x, dz)
          if (l2 > 0) dKernel = tf.add(dKernel, tf.mul(convs[i]!.kernel, 2 * l2))
          convGrads[2 * i] = dKernel
          convGrads[2 * i + 1] = dBias
          if (i > 0) d = inputGradient(dz, convs[i]!.kernel as tf.Tensor4D)
        }
        return [...convGrads, ...dense.grads]
      })
      return { loss: measured.loss, correct: measured.correct, grads }
    }
  }
}

/**
 * d loss / d (conv output before ReLU), from d loss / d pooled, in one pass on the
 * host: each pooled value's gradient goes to the first position of its window
 * holding the maximum (as tfjs' MaxPoolGrad), and only where that maximum is
 * positive (ReLU's derivative; tf.step(0) is 0 as well). As tensor ops this took
 * about ten passes over the activation (upsample, compare, cast, multiply); here
 * it is one read of it and one write. The bias gradient, Σ of that per channel,
 * comes out of the same pass (wasm's Sum over 200,704 rows took as long as a
 * convolution).
 */
function maxPoolReluGradient(
  activation: tf.Tensor4D,
  dPooled: tf.Tensor4D
): { dz: tf.Tensor4D; dBias: tf.Tensor1D } {
  const [batch, height, width, channels] = activation.shape
  const a = activation.dataSync() as Float32Array
  const dp = dPooled.dataSync() as Float32Array
  const dz = new Float32Array(a.length)
  const dBias = new Float64Array(channels)
  const rowStride = width * channels
  const pooledWidth = width / pool
  let p = 0
  for (let b = 0; b < batch; b++) {
    for (let py = 0; py < height; py += pool) {
      for (let px = 0; px < pooledWidth; px++) {
        const corner = ((b * height + py) * width + px * pool) * channels
        for (let c = 0; c < channels; c++, p++) {
          let at = corner + c
          let max = a[at]!
          for (let dy = 0; dy < pool; dy++) {
            for (let dx = 0; dx < pool; dx++) {
              const i = corner + dy * rowStride + dx * channels + c
              if (a[i]! > max) {
                max = a[i]!
                at = i
              }
            }
          }
          if (max > 0) {
            dz[at] = dp[p]!
            dBias[c] = dBias[c]! + dp[p]!
          }
        }
      }
    }
  }
  return {
    dz: tf.tensor4d(dz, [batch, height, width, channels]),
    dBias: tf.tensor1d(Float32Array.from(dBias))
  }
}

/**
 * d loss / d kernel of a stride-1 'same' convolution: Σ over images and positions
 * of input patch times output gradient, as one large kernel. Measured side by
 * side (one run each, load about 6 on 2 cores) at batch 256 for the CNN preset:
 * for conv2 (16 channels in), one forward convolution with the roles swapped
 * (the input's channels become the batch, the images the channels, the output
 * gradient the filter) took 35 ms against 89 ms for building the patches and one
 * product; for conv1 (one channel in, so its patches are
 * just shifted views of the images), the patches took 32 ms against 79 ms.
 */
function kernelGradient(x: tf.Tensor4D, dz: tf.Tensor4D): tf.Tensor4D {
  const [batch, height, width, channels] = x.shape
  const filters = dz.shape[3]
  const half = (cnnKernelSize - 1) / 2
  if (channels === 1) {
    const padded = tf.pad(tf.reshape(x, [batch, height, width]), [
      [0, 0],
      [half, half],
      [half, half]
    ])
    // Rows ordered kernel row, kernel column: the order of the kernel's first axes.
    const shifted: tf.Tensor2D[] = []
    for (let ky = 0; ky < cnnKernelSize; ky++) {
      for (let kx = 0; kx < cnnKernelSize; kx++) {
        const view = tf.slice(padded, [0, ky, kx], [batch, height, width])
        shifted.push(tf.reshape(view, [1, -1]) as tf.Tensor2D)
      }
    }
    const patchesT = tf.concat(shifted, 0)
    const product = tf.matMul(patchesT, tf.reshape(dz, [-1, filters]) as tf.Tensor2D)
    return tf.reshape(product, [cnnKernelSize, cnnKernelSize, 1, filters])
  }
  const swapped = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D
  const filter = tf.transpose(dz, [1, 2, 0, 3]) as tf.Tensor4D
  const product = tf.conv2d(swapped, filter, 1, [
    [0, 0],
    [half, half],
    [half, half],
    [0, 0]
  ])
  return tf.transpose(product, [1, 2, 0, 3])
}

/** d loss / d input of a stride-1 'same' convolution with an odd kernel. */
function inputGradient(dz: tf.Tensor4D, kernel: tf.Tensor4D): tf.Tensor4D {
  const flipped = tf.transpose(tf.reverse(kernel, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D
  return tf.conv2d(dz, flipped, 1, 'same')
}
