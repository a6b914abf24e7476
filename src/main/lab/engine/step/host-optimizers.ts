/**
 * Adam, SGD and RMSprop computed in JavaScript over one flat Float32Array of all
 * parameters, where plan.ts puts the optimizer on the host (wasm and cpu). There, every tfjs op pays a fixed
 * dispatch cost and the wasm element-wise kernels are slow (measured: 0.34 ms for
 * one add of 59k floats). For the seed MLP, side by side in one process on a
 * loaded machine: 0.5-0.6 ms a step here, reading the gradients and writing the
 * weights included, against 0.76-0.9 ms for optimizers.ts' 104 tensor ops. Same
 * formulas and state layout as optimizers.ts, so checkpoints are interchangeable.
 */
import * as tf from '@tensorflow/tfjs'
import type { OptimizerName } from '../../../../shared/contract'
import {
  adamDefaults,
  rmspropDefaults,
  type Optimizer,
  type OptimizerSettings,
  type OptimizerState
} from './optimizers'

/**
 * One update of `params` in place from `grads`, with the rule's slot arrays; `step`
 * counts updates from 1.
 */
type UpdateRule = (
  params: Float32Array,
  grads: Float32Array,
  slots: Float32Array[],
  step: number,
  learningRate: number
) => void

export function createHostOptimizer(
  settings: OptimizerSettings,
  variables: tf.Variable[]
): Optimizer {
  const { learningRate: lr, momentum } = settings
  switch (settings.name) {
    case 'adam':
      return new HostOptimizer('adam', variables, 2, adamRule, lr)
    case 'sgd':
      return new HostOptimizer('sgd', variables, momentum > 0 ? 1 : 0, sgdRule(momentum), lr)
    case 'rmsprop':
      return new HostOptimizer('rmsprop', variables, 1, rmspropRule, lr)
  }
}

class HostOptimizer implements Optimizer {
  step = 0
  private readonly offsets: number[] = []
  private readonly params: Float32Array
  private readonly grads: Float32Array
  private readonly slots: Float32Array[]
  /**
   * The data each variable held when we last wrote it. A different one means the
   * weights were set from outside (a resumed checkpoint), so the mirror is re-read.
   */
  private readonly written: object[]

  constructor(
    readonly name: OptimizerName,
    private readonly variables: tf.Variable[],
    slotCount: number,
    private readonly rule: UpdateRule,
    public learningRate: number
  ) {
    let total = 0
    for (const v of variables) {
      this.offsets.push(total)
      total += v.size
    }
    this.params = new Float32Array(total)
    this.grads = new Float32Array(total)
    this.slots = Array.from({ length: slotCount }, () => new Float32Array(total))
    this.written = variables.map(() => ({}))
  }

  apply(grads: readonly tf.Tensor[]): void {
    this.step++
    this.variables.forEach((variable, i) => {
      if (variable.dataId !== this.written[i]) {
        this.params.set(variable.dataSync() as Float32Array, this.offsets[i])
      }
      this.grads.set(grads[i]!.dataSync() as Float32Array, this.offsets[i])
    })
    this.rule(this.params, this.grads, this.slots, this.step, this.learningRate)
    this.variables.forEach((variable, i) => {
      const start = this.offsets[i]!
      // Variable.assign takes its own reference: the upload can go at once.
      const value = tf.tensor(this.params.subarray(start, start + variable.size), variable.shape)
      variable.assign(value)
      value.dispose()
      this.written[i] = variable.dataId
    })
  }

  /** Per variable, per slot: the order optimizers.ts uses. */
  getState(): OptimizerState {
    const slots = this.variables.flatMap((variable, i) =>
      this.slots.map((slot) => {
        const start = this.offsets[i]!
        return tf.tensor(slot.slice(start, start + variable.size), variable.shape)
      })
    )
    return { name: this.name, step: this.step, slots }
  }

  setState(state: OptimizerState): void {
    if (
      state.name !== this.name ||
      state.slots.length !== this.slots.length * this.variables.length
    ) {
      throw new Error(
        `The checkpoint holds ${state.name} state that does not fit this ${this.name} run.`
      )
    }
    this.variables.forEach((_, i) => {
      this.slots.forEach((slot, s) => {
        slot.set(state.slots[i * this.slots.length + s]!.dataSync(), this.offsets[i])
      })
    })
    this.step = state.step
  }

  setLearningRate(rate: number): void {
    this.learningRate = rate
  }

  dispose(): void {
    // Nothing on the device: the arrays go with the object.
  }
}

/** PyTorch's form: w -= lr/c1 * m / (sqrt(v)/sqrt(c2) + eps), in float64 per element. */
const adamRule: UpdateRule = (params, grads, [m, v], step, learningRate) => {
  const { beta1, beta2, epsilon } = adamDefaults
  const stepSize = learningRate / (1 - beta1 ** step)
  const rootCorrection = 1 / Math.sqrt(1 - beta2 ** step)
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]!
    const mi = beta1 * m![i]! + (1 - beta1) * g
    const vi = beta2 * v![i]! + (1 - beta2) * g * g
    m![i] = mi
    v![i] = vi
    params[i] = params[i]! - (stepSize * mi) / (Math.sqrt(vi) * rootCorrection + epsilon)
  }
}

/** PyTorch's momentum: buf = mu*buf + g; w -= lr*buf. */
function sgdRule(momentum: number): UpdateRule {
  return (params, grads, [buffer], _step, learningRate) => {
    for (let i = 0; i < params.length; i++) {
      let update = grads[i]!
      if (buffer) {
        update = momentum * buffer[i]! + update
        buffer[i] = update
      }
      params[i] = params[i]! - learningRate * update
    }
  }
}

const rmspropRule: UpdateRule = (params, grads, [square], _step, learningRate) => {
  const { rho, epsilon } = rmspropDefaults
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]!
    const s = rho * square![i]! + (1 - rho) * g * g
    square![i] = s
    params[i] = params[i]! - (learningRate * g) / (Math.sqrt(s) + epsilon)
  }
}
