import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { OptimizerName } from '../../../../shared/contract'
import { initBackend } from '../backend'
import { createHostOptimizer } from './host-optimizers'
import { createOptimizer, type Optimizer } from './optimizers'
import { seededRandom } from '../rng'

const shapes = [[5, 3], [3], [3, 2], [2]]

function variables(seed: number): tf.Variable[] {
  const random = seededRandom(seed)
  return shapes.map((shape) =>
    tf.variable(
      tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b) }, random), shape)
    )
  )
}

function gradients(seed: number): tf.Tensor[] {
  const random = seededRandom(seed)
  return shapes.map((shape) =>
    tf.tensor(
      Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => random() - 0.5),
      shape
    )
  )
}

/** Steps with the same gradients each time; `rateAt` sets a schedule's rate before each step. */
function run(optimizer: Optimizer, steps: number, rateAt?: (step: number) => number): void {
  for (let step = 0; step < steps; step++) {
    if (rateAt) optimizer.setLearningRate(rateAt(step))
    const grads = gradients(100 + step)
    optimizer.apply(grads)
    tf.dispose(grads)
  }
}

const settings: [OptimizerName, number][] = [
  ['adam', 0],
  ['sgd', 0],
  ['sgd', 0.9],
  ['rmsprop', 0]
]

describe('host-side optimizers', () => {
  beforeAll(async () => {
    await initBackend('wasm')
  })

  it.each(settings)('%s (momentum %d) agrees with the tensor version', (name, momentum) => {
    const hostVars = variables(1)
    const tensorVars = variables(1)
    const config = { name, learningRate: 0.01, momentum }
    const host = createHostOptimizer(config, hostVars)
    const reference = createOptimizer(config, tensorVars)
    run(host, 5)
    run(reference, 5)
    hostVars.forEach((v, i) => {
      const expected = tensorVars[i]!.dataSync()
      v.dataSync().forEach((value, j) => expect(value).toBeCloseTo(expected[j]!, 6))
    })
    const [a, b] = [host.getState(), reference.getState()]
    expect(a.step).toBe(b.step)
    expect(a.slots.map((s) => s.shape)).toEqual(b.slots.map((s) => s.shape))
    a.slots.forEach((slot, i) => {
      const expected = b.slots[i]!.dataSync()
      slot.dataSync().forEach((value, j) => expect(value).toBeCloseTo(expected[j]!, 6))
    })
    tf.dispose([...a.slots, ...b.slots, ...hostVars, ...tensorVars])
    host.dispose()
    reference.dispose()
  })

  it.each(settings)(
    '%s (momentum %d) follows a changing rate as the tensor version does',
    (name, momentum) => {
      const hostVars = variables(3)
      const tensorVars = variables(3)
      const config = { name, learningRate: 0.01, momentum }
      const host = createHostOptimizer(config, hostVars)
      const reference = createOptimizer(config, tensorVars)
      const rateAt = (step: number): number => 0.02 / (step + 1)
      run(host, 5, rateAt)
      run(reference, 5, rateAt)
      expect(host.learningRate).toBe(0.004)
      hostVars.forEach((v, i) => {
        const expected = tensorVars[i]!.dataSync()
        v.dataSync().forEach((value, j) => expect(value).toBeCloseTo(expected[j]!, 6))
      })
      tf.dispose([...hostVars, ...tensorVars])
      host.dispose()
      reference.dispose()
    }
  )

  it.each(['host', 'tensor'] as const)(
    'the %s optimizer leaves the weights alone at rate 0',
    (kind) => {
      const vars = variables(4)
      const before = vars.map((v) => Array.from(v.dataSync()))
      const config = { name: 'adam' as const, learningRate: 0.1, momentum: 0 }
      const optimizer =
        kind === 'host' ? createHostOptimizer(config, vars) : createOptimizer(config, vars)
      run(optimizer, 3, () => 0)
      vars.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(before[i]))
      tf.dispose(vars)
      optimizer.dispose()
    }
  )

  it('resumes from saved state and from weights set outside it', () => {
    const straightVars = variables(2)
    const straight = createHostOptimizer(
      { name: 'adam', learningRate: 0.01, momentum: 0 },
      straightVars
    )
    run(straight, 6)

    const firstVars = variables(2)
    const first = createHostOptimizer({ name: 'adam', learningRate: 0.01, momentum: 0 }, firstVars)
    run(first, 3)
    const state = first.getState()
    // A fresh run: other starting weights, then the checkpoint's weights and state.
    const resumedVars = variables(9)
    const resumed = createHostOptimizer(
      { name: 'adam', learningRate: 0.01, momentum: 0 },
      resumedVars
    )
    resumedVars.forEach((v, i) => v.assign(firstVars[i]!))
    resumed.setState(state)
    const before = tf.memory().numTensors
    for (let step = 3; step < 6; step++) {
      const grads = gradients(100 + step)
      resumed.apply(grads)
      tf.dispose(grads)
    }
    expect(tf.memory().numTensors).toBe(before)
    resumedVars.forEach((v, i) => {
      const expected = straightVars[i]!.dataSync()
      v.dataSync().forEach((value, j) => expect(value).toBeCloseTo(expected[j]!, 6))
    })
    tf.dispose([...state.slots, ...straightVars, ...firstVars, ...resumedVars])
  })
})
