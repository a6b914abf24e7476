/**
 * Random search (Bergstra and Bengio 2012): each trial's configuration drawn
 * from the space by a generator seeded with (search seed, trial number), so the
 * same seed and space give the same trials, and adding trials keeps the first ones.
 */
import {
  defaultValidationFraction,
  scheduleDefaults,
  type SearchSpace,
  type TrainConfig
} from '../../../shared/contract'
import { mixSeed, seededRandom } from '../engine/rng'

/** Three significant digits: a rate of 0.00316 reads better than 0.0031622776601683794. */
function rounded(value: number): number {
  return Number(value.toPrecision(3))
}

export function sampleTrialConfig(
  space: SearchSpace,
  base: TrainConfig,
  seed: number,
  trial: number
): TrainConfig {
  const random = seededRandom(mixSeed(seed, 0x5ea4c4, trial))
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
  const uniform = (min: number, max: number): number => min + random() * (max - min)
  const { min, max } = space.learningRate
  const learningRate = rounded(Math.exp(uniform(Math.log(min), Math.log(max))))
  const batchSize = pick(space.batchSize)
  const dropout = rounded(uniform(space.dropout.min, space.dropout.max))
  const shape = space.model
  let model: TrainConfig['model']
  if (shape.kind === 'mlp') {
    const width = pick(shape.widths)
    const depth = pick(shape.depths)
    model = {
      kind: 'mlp',
      hidden: Array.from({ length: depth }, () => ({ units: width, activation: 'relu', dropout }))
    }
  } else {
    model = { kind: 'cnn', filters: pick(shape.filters), dense: pick(shape.dense), dropout }
  }
  const l2 = pick(space.l2)
  const optimizer = pick(space.optimizer)
  const schedule = scheduleDefaults[pick(space.schedule)]
  return {
    ...base,
    model,
    learningRate,
    batchSize,
    l2,
    optimizer,
    momentum: optimizer === 'sgd' ? 0.9 : 0,
    schedule,
    // One step worker per trial: the pool already spreads trials over the cores,
    // and the engine would otherwise start a worker thread per core for each.
    workers: 1,
    // Judged on the shared validation split: the base's, else the default share.
    validationFraction: base.validationFraction || defaultValidationFraction
  }
}
