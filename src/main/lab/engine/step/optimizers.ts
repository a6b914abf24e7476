/**
 * Adam, SGD with momentum and RMSprop, written as a few fused tensor ops per
 * variable. Ours rather than tf.train's so that both training paths share them
 * and the slot variables can be saved to and restored from a checkpoint.
 * Defaults follow PyTorch, which the seed notebook used.
 */
import * as tf from '@tensorflow/tfjs'
import type { OptimizerName } from '../../../../shared/contract'

export interface OptimizerSettings {
  name: OptimizerName
  learningRate: number
  /** SGD only. */
  momentum: number
}

export interface OptimizerState {
  name: OptimizerName
  step: number
  /** Slot tensors in a fixed order: per variable, per slot. Copies: the caller disposes them. */
  slots: tf.Tensor[]
}

export const adamDefaults = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const
export const rmspropDefaults = { rho: 0.99, epsilon: 1e-8 } as const

export interface Optimizer {
  readonly name: OptimizerName
  /** Updates so far (Adam's bias correction counts them). */
  readonly step: number
  /** The rate the next update uses; a schedule changes it between steps. */
  readonly learningRate: number
  setLearningRate(rate: number): void
  /** One update of every variable from its gradient (same order as the constructor's). */
  apply(grads: readonly tf.Tensor[]): void
  getState(): OptimizerState
  setState(state: OptimizerState): void
  dispose(): void
}

export function createOptimizer(settings: OptimizerSettings, variables: tf.Variable[]): Optimizer {
  switch (settings.name) {
    case 'adam':
      return new Adam(settings.learningRate, variables)
    case 'sgd':
      return new Sgd(settings.learningRate, settings.momentum, variables)
    case 'rmsprop':
      return new RmsProp(settings.learningRate, variables)
  }
}

/** Slots and constants kept across steps; the constants are made once to save per-step scalars. */
abstract class SlotOptimizer implements Optimizer {
  abstract readonly name: OptimizerName
  step = 0
  protected readonly slots: tf.Variable[][]
  private readonly constants: tf.Scalar[] = []
  /** The rate as a kept scalar, remade only when the rate changes. */
  protected rate: tf.Scalar

  constructor(
    protected readonly variables: tf.Variable[],
    slotCount: number,
    public learningRate: number
  ) {
    this.rate = tf.keep(tf.scalar(learningRate))
    this.slots = variables.map((v) =>
      // The zeros would outlive the variable made from them: let tidy drop them.
      Array.from({ length: slotCount }, () => tf.tidy(() => tf.variable(tf.zerosLike(v), false)))
    )
  }

  protected constant(value: number): tf.Scalar {
    const scalar = tf.keep(tf.scalar(value))
    this.constants.push(scalar)
    return scalar
  }

  abstract apply(grads: readonly tf.Tensor[]): void

  setLearningRate(rate: number): void {
    if (rate === this.learningRate) return
    this.learningRate = rate
    this.rate.dispose()
    this.rate = tf.keep(tf.scalar(rate))
  }

  getState(): OptimizerState {
    return { name: this.name, step: this.step, slots: this.slots.flat().map((s) => s.clone()) }
  }

  setState(state: OptimizerState): void {
    const flat = this.slots.flat()
    if (state.name !== this.name || state.slots.length !== flat.length) {
      throw new Error(
        `The checkpoint holds ${state.name} state that does not fit this ${this.name} run.`
      )
    }
    flat.forEach((slot, i) => slot.assign(state.slots[i]!))
    this.step = state.step
  }

  dispose(): void {
    for (const slot of this.slots.flat()) slot.dispose()
    for (const scalar of this.constants) scalar.dispose()
    this.rate.dispose()
  }
}

class Adam extends SlotOptimizer {
  readonly name = 'adam' as const
  private readonly beta1 = this.constant(adamDefaults.beta1)
  private readonly oneMinusBeta1 = this.constant(1 - adamDefaults.beta1)
  private readonly beta2 = this.constant(adamDefaults.beta2)
  private readonly oneMinusBeta2 = this.constant(1 - adamDefaults.beta2)
  private readonly epsilon = this.constant(adamDefaults.epsilon)

  constructor(learningRate: number, variables: tf.Variable[]) {
    super(variables, 2, learningRate)
  }

  apply(grads: readonly tf.Tensor[]): void {
    this.step++
    const t = this.step
    const correction1 = 1 - adamDefaults.beta1 ** t
    const correction2 = 1 - adamDefaults.beta2 ** t
    tf.tidy(() => {
      // PyTorch's form: w -= lr/c1 * m / (sqrt(v)/sqrt(c2) + eps).
      const stepSize = tf.scalar(this.learningRate / correction1)
      const rootCorrection = tf.scalar(1 / Math.sqrt(correction2))
      this.variables.forEach((variable, i) => {
        const [m, v] = this.slots[i] as [tf.Variable, tf.Variable]
        const g = grads[i]!
        const newM = tf.add(tf.mul(m, this.beta1), tf.mul(g, this.oneMinusBeta1))
        const newV = tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(g), this.oneMinusBeta2))
        m.assign(newM)
        v.assign(newV)
        const denominator = tf.add(tf.mul(tf.sqrt(newV), rootCorrection), this.epsilon)
        variable.assign(tf.sub(variable, tf.mul(tf.div(newM, denominator), stepSize)))
      })
    })
  }
}

class Sgd extends SlotOptimizer {
  readonly name = 'sgd' as const
  private readonly momentumScalar: tf.Scalar

  constructor(
    learningRate: number,
    private readonly momentum: number,
    variables: tf.Variable[]
  ) {
    super(variables, momentum > 0 ? 1 : 0, learningRate)
    this.momentumScalar = this.constant(momentum)
  }

  apply(grads: readonly tf.Tensor[]): void {
    this.step++
    tf.tidy(() => {
      this.variables.forEach((variable, i) => {
        const g = grads[i]!
        if (this.momentum === 0) {
          variable.assign(tf.sub(variable, tf.mul(g, this.rate)))
          return
        }
        // PyTorch's momentum: buf = mu*buf + g; w -= lr*buf.
        const [buffer] = this.slots[i] as [tf.Variable]
        const newBuffer = tf.add(tf.mul(buffer, this.momentumScalar), g)
        buffer.assign(newBuffer)
        variable.assign(tf.sub(variable, tf.mul(newBuffer, this.rate)))
      })
    })
  }
}

class RmsProp extends SlotOptimizer {
  readonly name = 'rmsprop' as const
  private readonly rho = this.constant(rmspropDefaults.rho)
  private readonly oneMinusRho = this.constant(1 - rmspropDefaults.rho)
  private readonly epsilon = this.constant(rmspropDefaults.epsilon)

  constructor(learningRate: number, variables: tf.Variable[]) {
    super(variables, 1, learningRate)
  }

  apply(grads: readonly tf.Tensor[]): void {
    this.step++
    tf.tidy(() => {
      this.variables.forEach((variable, i) => {
        const g = grads[i]!
        const [square] = this.slots[i] as [tf.Variable]
        const newSquare = tf.add(tf.mul(square, this.rho), tf.mul(tf.square(g), this.oneMinusRho))
        square.assign(newSquare)
        const update = tf.div(tf.mul(g, this.rate), tf.add(tf.sqrt(newSquare), this.epsilon))
        variable.assign(tf.sub(variable, update))
      })
    })
  }
}
