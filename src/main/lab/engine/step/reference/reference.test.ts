/**
 * Every optimizer and cross-entropy the engine has, in every place it runs,
 * against PyTorch's numbers for the same small problem (make-reference.py,
 * optimizers.json beside this file): 20 steps each of Adam, SGD with momentum
 * and RMSprop, weights within 1e-5 after every step.
 */
import * as tf from '@tensorflow/tfjs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { OptimizerName } from '../../../../../shared/contract'
import { initBackend } from '../../backend'
import { createFastMlpStep } from '../fast-mlp'
import { softmaxCrossEntropy } from '../host-loss'
import { createHostOptimizer } from '../host-optimizers'
import { crossEntropy, crossEntropyWithGradient, valueOf } from '../loss'
import { createOptimizer, type Optimizer, type OptimizerSettings } from '../optimizers'

interface Weights {
  kernel: number[]
  bias: number[]
}

interface Reference {
  inputs: number[][]
  labels: number[]
  initial: Weights
  crossEntropy: { logits: number[]; loss: number; gradient: number[] }
  optimizers: Record<
    OptimizerName,
    {
      settings: { learningRate: number; momentum: number }
      steps: { loss: number; grads: Weights; after: Weights }[]
    }
  >
}

const reference = JSON.parse(readFileSync(join(__dirname, 'optimizers.json'), 'utf8')) as Reference
const inputs = reference.inputs[0]!.length
const classes = reference.initial.bias.length
const rows = reference.labels.length
const tolerance = 1e-5

function expectClose(actual: ArrayLike<number>, expected: number[], what: string): void {
  expect(actual.length, what).toBe(expected.length)
  expected.forEach((value, i) => {
    const diff = Math.abs(actual[i]! - value)
    if (diff > tolerance) {
      throw new Error(`${what}[${i}] is ${actual[i]}, PyTorch has ${value} (off by ${diff}).`)
    }
  })
}

function linearVariables(): tf.Variable[] {
  return [
    tf.variable(tf.tensor2d(reference.initial.kernel, [inputs, classes])),
    tf.variable(tf.tensor1d(reference.initial.bias))
  ]
}

type MakeOptimizer = (settings: OptimizerSettings, variables: tf.Variable[]) => Optimizer

const implementations: [string, MakeOptimizer][] = [
  ['on the device (optimizers.ts)', createOptimizer],
  ['on the host (host-optimizers.ts)', createHostOptimizer]
]
const names: OptimizerName[] = ['adam', 'sgd', 'rmsprop']

beforeAll(async () => {
  await initBackend('wasm')
})

describe.each(implementations)('optimizers %s', (_where, make) => {
  it.each(names)('%s follows PyTorch for 20 steps', (name) => {
    const { settings, steps } = reference.optimizers[name]
    expect(steps).toHaveLength(20)
    const variables = linearVariables()
    const optimizer = make({ name, ...settings }, variables)
    steps.forEach((step, t) => {
      const grads = [
        tf.tensor2d(step.grads.kernel, [inputs, classes]),
        tf.tensor1d(step.grads.bias)
      ]
      optimizer.apply(grads)
      tf.dispose(grads)
      expectClose(variables[0]!.dataSync(), step.after.kernel, `${name} step ${t + 1} kernel`)
      expectClose(variables[1]!.dataSync(), step.after.bias, `${name} step ${t + 1} bias`)
    })
    optimizer.dispose()
    tf.dispose(variables)
  })
})

describe('cross-entropy', () => {
  const { logits, loss, gradient } = reference.crossEntropy
  const labels = Int32Array.from(reference.labels)

  it('on the host matches PyTorch, large logits included', () => {
    const ours = new Float32Array(rows * classes)
    const result = softmaxCrossEntropy(Float32Array.from(logits), labels, classes, ours)
    expect(Math.abs(result.loss - loss)).toBeLessThan(tolerance)
    expectClose(ours, gradient, 'host d loss / d logits')
  })

  it('on the device matches PyTorch, with and without its gradient', () => {
    tf.tidy(() => {
      const x = tf.tensor2d(logits, [rows, classes])
      const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat() as tf.Tensor2D
      expect(Math.abs(crossEntropy(x, oneHot).dataSync()[0]! - loss)).toBeLessThan(tolerance)
      const both = crossEntropyWithGradient(x, oneHot)
      expect(Math.abs(both.loss.dataSync()[0]! - loss)).toBeLessThan(tolerance)
      expectClose(both.gradient.dataSync(), gradient, 'device d loss / d logits')
    })
  })

  it.each([true, false])(
    'the training step (loss on the host: %s) gives PyTorch loss and gradients for the first step',
    (onHost) => {
      const variables = linearVariables()
      const step = createFastMlpStep([], variables, 0, onHost)
      const x = tf.tensor2d(reference.inputs)
      const result = step.gradients({ x, labels, dropoutSeed: 1 })
      const first = reference.optimizers.adam.steps[0]!
      expect(Math.abs(valueOf(result.loss) - first.loss)).toBeLessThan(tolerance)
      expectClose(result.grads[0]!.dataSync(), first.grads.kernel, 'kernel gradient')
      expectClose(result.grads[1]!.dataSync(), first.grads.bias, 'bias gradient')
      tf.dispose([x, ...variables, ...result.grads])
      if (typeof result.loss !== 'number') tf.dispose([result.loss, result.correct as tf.Scalar])
    }
  )
})
