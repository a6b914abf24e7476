import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ModelSpec } from '../../../../shared/contract'
import { initBackend } from '../backend'
import { createAutodiffStep } from './autodiff'
import { createFastCnnStep, fastCnnFits } from './fast-cnn'
import { valueOf } from './loss'
import { buildModel, trainableVariables } from '../model/model'
import { seededRandom } from '../rng'

type CnnSpec = Extract<ModelSpec, { kind: 'cnn' }>

/** Small images keep autodiff's slow wasm kernels quick; 8x8 pools twice to 2x2. */
const side = 8

function batch(size: number, seed: number) {
  const random = seededRandom(seed)
  const x = tf.tensor2d(
    Float32Array.from({ length: size * side * side }, () => random()),
    [size, side * side]
  )
  const labels = Int32Array.from({ length: size }, () => Math.floor(random() * 10))
  return { x, labels, dropoutSeed: 5 }
}

const cases: [string, CnnSpec, number][] = [
  ['conv 4, conv 6, dense 12', { kind: 'cnn', filters: [4, 6], dense: 12, dropout: 0 }, 0],
  ['with dropout and L2', { kind: 'cnn', filters: [3, 5], dense: 8, dropout: 0.4 }, 0.01]
]

describe('fast CNN path', () => {
  beforeAll(async () => {
    await initBackend('wasm')
  })

  it.each(cases)('agrees with autodiff on loss and gradients: %s', (_name, spec, l2) => {
    const model = buildModel(spec, 3, side * side)
    const variables = trainableVariables(model)
    const input = batch(16, 11)
    const fast = createFastCnnStep(spec, variables, l2, side * side).gradients(input)
    const reference = createAutodiffStep(model, variables, l2).gradients(input)
    expect(valueOf(fast.loss)).toBeCloseTo(valueOf(reference.loss), 5)
    expect(valueOf(fast.correct)).toBe(valueOf(reference.correct))
    expect(fast.grads).toHaveLength(8)
    fast.grads.forEach((g, i) => {
      const r = reference.grads[i]!
      expect(g.shape).toEqual(r.shape)
      const error = tf.max(tf.abs(tf.sub(g, r))).dataSync()[0]!
      const scale = tf.max(tf.abs(r)).dataSync()[0]! + 1e-6
      expect(error / scale).toBeLessThan(1e-4)
    })
    tf.dispose([reference.loss, reference.correct, ...fast.grads, ...reference.grads])
    input.x.dispose()
    model.dispose()
  })

  it('leaves no tensors behind', () => {
    const spec = cases[0]![1]
    const model = buildModel(spec, 3, side * side)
    const input = batch(8, 2)
    const step = createFastCnnStep(spec, trainableVariables(model), 0, side * side)
    tf.dispose(step.gradients(input).grads)
    const before = tf.memory().numTensors
    tf.dispose(step.gradients(input).grads)
    expect(tf.memory().numTensors).toBe(before)
    input.x.dispose()
    model.dispose()
  })

  it('takes only square images whose side every pooling halves', () => {
    const spec = cases[0]![1]
    expect(fastCnnFits(spec, 784)).toBe(true)
    expect(fastCnnFits(spec, 100)).toBe(false)
    expect(fastCnnFits(spec, 783)).toBe(false)
    expect(fastCnnFits({ kind: 'mlp', hidden: [] }, 784)).toBe(false)
  })
})
