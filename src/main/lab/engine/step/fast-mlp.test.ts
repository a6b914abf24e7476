import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { DenseLayerSpec } from '../../../../shared/contract'
import { initBackend } from '../backend'
import { createAutodiffStep } from './autodiff'
import { createFastMlpStep } from './fast-mlp'
import { valueOf } from './loss'
import { buildModel, trainableVariables } from '../model/model'
import { seededRandom } from '../rng'

function batch(size: number, seed: number) {
  const random = seededRandom(seed)
  const x = tf.tensor2d(
    Float32Array.from({ length: size * 784 }, () => random()),
    [size, 784]
  )
  const labels = Int32Array.from({ length: size }, () => Math.floor(random() * 10))
  return { x, labels, dropoutSeed: 7 }
}

const cases: [string, DenseLayerSpec[], number][] = [
  [
    'the seed MLP (relu)',
    [64, 64, 64].map((units) => ({ units, activation: 'relu', dropout: 0 })),
    0
  ],
  [
    'tanh with dropout and L2',
    [
      { units: 32, activation: 'tanh', dropout: 0.3 },
      { units: 16, activation: 'sigmoid', dropout: 0 }
    ],
    0.01
  ],
  ['gelu', [{ units: 24, activation: 'gelu', dropout: 0.2 }], 0],
  ['no hidden layer', [], 0.001]
]

describe('fast MLP path', () => {
  beforeAll(async () => {
    await initBackend('wasm')
  })

  // The loss on the host is what wasm and cpu run; on the device, what the native backends run.
  const where = [
    ['host', true],
    ['device', false]
  ] as const
  const grid = where.flatMap(([place, onHost]) =>
    cases.map(
      ([name, hidden, l2]) => [`${name}, loss on the ${place}`, hidden, l2, onHost] as const
    )
  )

  it.each(grid)('agrees with autodiff on loss and gradients: %s', (_name, hidden, l2, onHost) => {
    const model = buildModel({ kind: 'mlp', hidden }, 3)
    const variables = trainableVariables(model)
    const input = batch(32, 11)
    const fast = createFastMlpStep(hidden, variables, l2, onHost).gradients(input)
    const reference = createAutodiffStep(model, variables, l2).gradients(input)
    expect(valueOf(fast.loss)).toBeCloseTo(valueOf(reference.loss), 5)
    expect(valueOf(fast.correct)).toBe(valueOf(reference.correct))
    fast.grads.forEach((g, i) => {
      const r = reference.grads[i]!
      expect(g.shape).toEqual(r.shape)
      const error = tf.max(tf.abs(tf.sub(g, r))).dataSync()[0]!
      const scale = tf.max(tf.abs(r)).dataSync()[0]! + 1e-6
      expect(error / scale).toBeLessThan(1e-4)
    })
    tf.dispose([
      fast.loss,
      fast.correct,
      ...fast.grads,
      reference.loss,
      reference.correct,
      ...reference.grads
    ])
    input.x.dispose()
    model.dispose()
  })

  it('gives the same first-layer gradient from a transposed batch', () => {
    const hidden: DenseLayerSpec[] = [{ units: 16, activation: 'relu', dropout: 0 }]
    const model = buildModel({ kind: 'mlp', hidden }, 4)
    const step = createFastMlpStep(hidden, trainableVariables(model), 0, true)
    const input = batch(24, 5)
    const xT = tf.transpose(input.x)
    const plain = step.gradients(input)
    const transposed = step.gradients({ ...input, xT })
    plain.grads.forEach((g, i) => {
      const error = tf.max(tf.abs(tf.sub(g, transposed.grads[i]!))).dataSync()[0]!
      expect(error).toBeLessThan(1e-6)
    })
    tf.dispose([plain.loss, plain.correct, ...plain.grads])
    tf.dispose([transposed.loss, transposed.correct, ...transposed.grads])
    tf.dispose([input.x, xT])
    model.dispose()
  })

  it.each(where)('leaves no tensors behind after a step, loss on the %s', (_place, onHost) => {
    const hidden: DenseLayerSpec[] = [{ units: 16, activation: 'relu', dropout: 0.5 }]
    const model = buildModel({ kind: 'mlp', hidden }, 1)
    const step = createFastMlpStep(hidden, trainableVariables(model), 0.1, onHost)
    const input = batch(8, 2)
    const before = tf.memory().numTensors
    const result = step.gradients(input)
    tf.dispose([result.loss, result.correct, ...result.grads])
    expect(tf.memory().numTensors).toBe(before)
    input.x.dispose()
    model.dispose()
  })
})
