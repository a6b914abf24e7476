/**
 * Per-layer health on one batch: each hidden layer's activation mean and
 * spread, its share of dead ReLU units (never active on the batch), and each
 * layer's weight-gradient norm; with the recipe's warnings about them.
 */
import * as tf from '@tensorflow/tfjs'
import type { LayerDiagnostics } from '../../../../shared/contract'
import { layerWarnings } from '../../../../shared/overfit-advice'
import type { PreparedSplit } from '../data/batches'
import type { ParallelStep } from '../parallel/step-pool'
import type { GradientStep, StepGradients } from '../step/loss'

/** The overfit checks take their steps one at a time on this thread (no step workers). */
export function singleThreaded(step: GradientStep | ParallelStep): GradientStep {
  if (step.kind === 'parallel') throw new Error('The overfit checks run without step workers.')
  return step
}

interface LayerWithActivation {
  name: string
  getClassName(): string
  getConfig(): tf.serialization.ConfigDict
  trainableWeights: tf.LayerVariable[]
  apply(x: tf.Tensor): tf.Tensor | tf.Tensor[]
}

/** Layers that carry weights: dense and convolution layers, in order. */
function weighted(model: tf.LayersModel): LayerWithActivation[] {
  return model.layers.filter((l) => l.trainableWeights.length > 0) as LayerWithActivation[]
}

/**
 * `gradients` are one step's gradients on the batch `x`, from the run's own step
 * (step/plan.ts decides how it computes them), one per trainable variable:
 * kernel, then bias, per layer. The caller still owns them.
 */
export async function layerDiagnostics(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  gradients: tf.Tensor[]
): Promise<LayerDiagnostics[]> {
  const learnable = weighted(model)
  const last = learnable[learnable.length - 1]
  const names = new Map(
    learnable.map((l, i) => [l, `${l.getClassName() === 'Dense' ? 'dense' : 'conv'} ${i + 1}`])
  )

  // Scalars stay on the device until one asynchronous read: a synchronous read
  // loses SwiftShader's WebGPU device (the GPU engine page runs this too).
  const probes: {
    layer: LayerWithActivation
    mean: tf.Tensor
    variance: tf.Tensor
    dead: tf.Tensor | null
  }[] = []
  tf.tidy(() => {
    let h: tf.Tensor = x
    for (const layer of model.layers as LayerWithActivation[]) {
      h = layer.apply(h) as tf.Tensor
      if (!names.has(layer) || layer === last) continue
      const units = h.shape[h.shape.length - 1]!
      const flat = h.reshape([-1, units])
      const { mean, variance } = tf.moments(flat)
      const relu = layer.getConfig().activation === 'relu'
      const dead = relu ? tf.mean(tf.cast(tf.lessEqual(tf.max(flat, 0), 0), 'float32')) : null
      probes.push({
        layer,
        mean: tf.keep(mean),
        variance: tf.keep(variance),
        dead: dead && tf.keep(dead)
      })
    }
  })
  const normTensors = learnable.map((_, i) => tf.tidy(() => tf.norm(gradients[2 * i]!)))
  const read = async (t: tf.Tensor): Promise<number> => (await t.data())[0]!
  const activations = new Map<
    LayerWithActivation,
    { mean: number; spread: number; dead: number | null }
  >()
  try {
    for (const p of probes) {
      activations.set(p.layer, {
        mean: await read(p.mean),
        spread: Math.sqrt(await read(p.variance)),
        dead: p.dead ? await read(p.dead) : null
      })
    }
    const norms = await Promise.all(normTensors.map(read))
    return learnable.map((layer, i) => {
      const a = activations.get(layer)
      return {
        layer: names.get(layer)!,
        activationMean: a ? a.mean : null,
        activationSpread: a ? a.spread : null,
        deadShare: a ? a.dead : null,
        gradientNorm: norms[i]!
      }
    })
  } finally {
    tf.dispose([
      ...probes.flatMap((p) => [p.mean, p.variance, ...(p.dead ? [p.dead] : [])]),
      ...normTensors
    ])
  }
}

/** The warnings in English, as the CLI prints them and runs record them. */
export function diagnosticWarnings(layers: LayerDiagnostics[]): string[] {
  return layerWarnings(layers).map((w) =>
    w.kind === 'dead'
      ? `${w.layer}: ${Math.round(w.share * 100)}% of its units never fire on this batch (dead ReLUs). Lower the learning rate, or check the input scaling and the initialization.`
      : `${w.layer}: its gradient (norm ${w.norm.toExponential(1)}) is vanishingly small beside the largest (${w.largest.toExponential(1)}), so it barely learns. Look for saturated activations (sigmoid, tanh) or dead units before it.`
  )
}

/** Rows of the train split the per-epoch diagnostics look at: one seed-sized batch. */
export const diagnosticRows = 256

/** The diagnostics and warnings of a training run after an epoch, on the split's first rows. */
export async function epochDiagnostics(
  model: tf.LayersModel,
  /** One gradient step on a batch, as the loop takes it (in process or on the step workers). */
  gradientsOf: (batch: {
    x: Float32Array
    xT: null
    labels: Int32Array
    size: number
  }) => Promise<StepGradients>,
  split: PreparedSplit,
  /** The most rows one step takes: the step workers' shared buffers hold one training batch. */
  maxRows: number
): Promise<{ layers: LayerDiagnostics[]; warnings: string[] }> {
  const count = Math.min(diagnosticRows, split.count, maxRows)
  const rows = split.x.slice(0, count * split.inputSize)
  const labels = Int32Array.from(split.labels.subarray(0, count))
  const result = await gradientsOf({ x: rows, xT: null, labels, size: count })
  const x = tf.tensor2d(rows, [count, split.inputSize])
  try {
    const layers = await layerDiagnostics(model, x, result.grads)
    return { layers, warnings: diagnosticWarnings(layers) }
  } finally {
    tf.dispose([
      x,
      ...result.grads,
      ...[result.loss, result.correct].filter((v) => typeof v !== 'number')
    ])
  }
}

/** Diagnostics of one in-process step on the batch `x`, freeing its gradients. */
export async function stepDiagnostics(
  model: tf.LayersModel,
  step: GradientStep,
  x: tf.Tensor2D,
  labels: Int32Array
): Promise<LayerDiagnostics[]> {
  const result = step.gradients({ x, labels, dropoutSeed: 0 })
  try {
    return await layerDiagnostics(model, x, result.grads)
  } finally {
    tf.dispose([
      ...result.grads,
      ...[result.loss, result.correct].filter((v) => typeof v !== 'number')
    ])
  }
}
