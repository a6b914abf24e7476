/**
 * Where one training step's time goes, and the plain model.fit figure to compare
 * with. Each part is timed over many repetitions in a loop of its own (the wasm
 * backend runs each op synchronously, and a dataSync fences the rest), and the
 * kernels of a whole step are counted and timed with tf.profile.
 */
import * as tf from '@tensorflow/tfjs'
import type { ModelSpec } from '../src/shared/contract'
import { BatchGatherer, epochOrder, type PreparedSplit } from '../src/main/lab/engine/data/batches'
import { buildModel } from '../src/main/lab/engine/model/model'
import { chooseStep } from '../src/main/lab/engine/step/choice'
import { buildStep } from '../src/main/lab/engine/step/plan'
import type { BackendName } from '../src/shared/contract'
import { valueOf, type StepInput } from '../src/main/lab/engine/step/loss'

export interface Spread {
  min: number
  median: number
}

export interface StepProfile {
  /** Milliseconds per step for each part, over `rounds` rounds of `steps` steps. */
  partsMs: Record<string, Spread>
  /** tfjs kernels run by one step (gradient step and optimizer, no uploads). */
  kernelsPerStep: number
  /** The kernels that took most of a step's kernel time, in ms per step. */
  topKernels: { kernel: string; perStep: number; ms: number }[]
}

const batchSize = 256
const classes = 10

export function spread(values: number[]): Spread {
  if (values.length === 0) return { min: NaN, median: NaN }
  const sorted = [...values].sort((a, b) => a - b)
  const round = (n: number): number => Number(n.toFixed(3))
  return { min: round(sorted[0]!), median: round(sorted[sorted.length >> 1]!) }
}

export async function profileSteps(
  spec: ModelSpec,
  train: PreparedSplit,
  steps = 40,
  rounds = 5
): Promise<StepProfile> {
  const model = buildModel(spec, 1, train.inputSize, classes)
  const choice = chooseStep(spec.kind, tf.getBackend() as BackendName)
  // One worker: this profiles the in-process step.
  const { gradients: step, optimizer } = await buildStep(choice, spec, model, {
    l2: 0,
    optimizer: { name: 'adam', learningRate: 0.001, momentum: 0 }
  })
  if (step.kind === 'parallel') throw new Error('The step profile times one in-process step.')
  const gatherer = new BatchGatherer(train, batchSize, step.kind === 'fast-mlp')
  const order = epochOrder(train.count, true, 1, 1)
  const startOf = (i: number): number => (i * batchSize) % (train.count - batchSize)
  const upload = (i: number): StepInput => {
    const b = gatherer.gather(order, startOf(i))
    return {
      x: tf.tensor2d(b.x, [b.size, train.inputSize]),
      ...(b.xT ? { xT: tf.tensor2d(b.xT, [train.inputSize, b.size]) } : {}),
      labels: b.labels.slice(),
      dropoutSeed: i
    }
  }
  const release = (input: StepInput): void => tf.dispose([input.x, ...(input.xT ? [input.xT] : [])])
  const timings: Record<string, number[]> = {
    gather: [],
    upload: [],
    gradients: [],
    optimizer: [],
    wholeStep: []
  }
  const timed = (part: string, run: (i: number) => void): void => {
    const started = performance.now()
    for (let i = 0; i < steps; i++) run(i)
    timings[part]!.push((performance.now() - started) / steps)
  }

  for (let round = 0; round < rounds; round++) {
    timed('gather', (i) => gatherer.gather(order, startOf(i)))
    timed('upload', (i) => release(upload(i)))
    const inputs = Array.from({ length: steps }, (_, i) => upload(i))
    const results = inputs.map(() => null as ReturnType<typeof step.gradients> | null)
    timed('gradients', (i) => {
      const result = step.gradients(inputs[i]!)
      valueOf(result.loss)
      results[i] = result
    })
    timed('optimizer', (i) => optimizer.apply(results[i]!.grads))
    for (const result of results) tf.dispose([result!.loss, result!.correct, ...result!.grads])
    inputs.forEach(release)
    timed('wholeStep', (i) => {
      const input = upload(i)
      const result = step.gradients(input)
      optimizer.apply(result.grads)
      valueOf(result.loss)
      tf.dispose([result.loss, result.correct, ...result.grads])
      release(input)
    })
  }

  const input = upload(0)
  const profiled = 10
  const info = await tf.profile(() => {
    for (let i = 0; i < profiled; i++) {
      const result = step.gradients(input)
      optimizer.apply(result.grads)
      tf.dispose([result.loss, result.correct, ...result.grads])
    }
  })
  release(input)
  const byKernel = new Map<string, { count: number; ms: number }>()
  // Ops with a custom gradient (fused.matMul) also appear as "<name>__op", wrapping their kernel.
  const kernels = info.kernels.filter((k) => !k.name.endsWith('__op'))
  for (const k of kernels) {
    const key = `${k.name} ${k.inputShapes.map((s) => `[${String(s)}]`).join('')}`
    const entry = byKernel.get(key) ?? { count: 0, ms: 0 }
    entry.count++
    entry.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0
    byKernel.set(key, entry)
  }
  const topKernels = [...byKernel.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 12)
    .map(([kernel, e]) => ({
      kernel,
      perStep: e.count / profiled,
      ms: Number((e.ms / profiled).toFixed(3))
    }))
  optimizer.dispose()
  model.dispose()
  const partsMs = Object.fromEntries(
    Object.entries(timings).map(([part, values]) => [part, spread(values)])
  )
  return { partsMs, kernelsPerStep: kernels.length / profiled, topKernels }
}

/**
 * One epoch of plain tfjs-layers training of the same model on the same data:
 * model.fit with tf.train.adam, the figure the fast path is compared with.
 */
export async function modelFitEpochSeconds(
  spec: ModelSpec,
  train: PreparedSplit,
  runs: number
): Promise<number[]> {
  const xs = tf.tensor2d(train.x, [train.count, train.inputSize])
  const ys = tf.tidy(() =>
    tf.oneHot(tf.tensor1d(Int32Array.from(train.labels), 'int32'), classes).toFloat()
  )
  const seconds: number[] = []
  for (let run = 0; run < runs; run++) {
    const model = buildModel(spec, 1, train.inputSize, classes)
    model.compile({
      optimizer: tf.train.adam(0.001),
      loss: (labels: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, logits)
    })
    const started = performance.now()
    await model.fit(xs, ys, { batchSize, epochs: 1, shuffle: true, verbose: 0 })
    seconds.push((performance.now() - started) / 1000)
    model.optimizer.dispose()
    model.dispose()
  }
  tf.dispose([xs, ys])
  return seconds
}
