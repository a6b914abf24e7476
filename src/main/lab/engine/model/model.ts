/**
 * Builds the layers model of a spec: the shape src/shared/model-summary.ts
 * describes. Initial weights come from seeded initializers, so a seed fixes them.
 */
import * as tf from '@tensorflow/tfjs'
import type { DenseLayerSpec, ModelSpec } from '../../../../shared/contract'
import { cnnKernelSize } from '../../../../shared/model-summary'
import { classCount, imagePixels } from '../../../../shared/image'
import { mixSeed } from '../rng'

export function buildModel(
  spec: ModelSpec,
  seed: number,
  inputSize = imagePixels,
  classes = classCount
): tf.Sequential {
  const model = tf.sequential()
  let layerIndex = 0
  const initializer = (): ReturnType<typeof tf.initializers.glorotUniform> =>
    tf.initializers.glorotUniform({ seed: mixSeed(seed, 0x1417, layerIndex++) })
  const dense = (
    units: number,
    activation: DenseLayerSpec['activation'] | 'linear',
    first: boolean
  ) =>
    tf.layers.dense({
      units,
      activation,
      kernelInitializer: initializer(),
      biasInitializer: 'zeros',
      ...(first ? { inputShape: [inputSize] } : {})
    })

  if (spec.kind === 'mlp') {
    spec.hidden.forEach((layer, i) => {
      model.add(dense(layer.units, layer.activation, i === 0))
      if (layer.dropout > 0) model.add(tf.layers.dropout({ rate: layer.dropout }))
    })
    model.add(dense(classes, 'linear', spec.hidden.length === 0))
    return model
  }

  const side = Math.round(Math.sqrt(inputSize))
  model.add(tf.layers.reshape({ targetShape: [side, side, 1], inputShape: [inputSize] }))
  for (const filters of spec.filters) {
    model.add(
      tf.layers.conv2d({
        filters,
        kernelSize: cnnKernelSize,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: initializer(),
        biasInitializer: 'zeros'
      })
    )
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }))
  }
  model.add(tf.layers.flatten())
  model.add(dense(spec.dense, 'relu', false))
  if (spec.dropout > 0) model.add(tf.layers.dropout({ rate: spec.dropout }))
  model.add(dense(classes, 'linear', false))
  return model
}

/** The model's trainable variables in layer order (kernel, then bias, per layer). */
export function trainableVariables(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable)
}

/** Where a worker's rows sit in the whole batch (parallel/step-pool.ts). */
export interface BatchShare {
  offset: number
  total: number
}

/** Multiplies by a dropout mask drawn from a seed, scaled so the expected value is unchanged. */
export function applyDropout(
  x: tf.Tensor,
  rate: number,
  seed: number,
  share?: BatchShare
): tf.Tensor {
  return tf.tidy(() => tf.mul(x, dropoutMask(x.shape, rate, seed, share)))
}

/**
 * The mask both training paths use: the fast path and autodiff then agree exactly,
 * and a seed repeats the mask (tfjs' Dropout layer reuses one mask when seeded).
 * A worker computing `share` of a batch draws the whole batch's mask and keeps its
 * rows, so each sample's mask depends on the seed and its place in the batch,
 * never on how many workers split it.
 */
export function dropoutMask(
  shape: number[],
  rate: number,
  seed: number,
  share?: BatchShare
): tf.Tensor {
  return tf.tidy(() => {
    const drawn = share ? [share.total, ...shape.slice(1)] : shape
    const keep = tf.greaterEqual(tf.randomUniform(drawn, 0, 1, 'float32', seed), rate)
    const mask = tf.mul(tf.cast(keep, 'float32'), 1 / (1 - rate))
    return share ? tf.slice(mask, share.offset, shape[0]) : mask
  })
}
