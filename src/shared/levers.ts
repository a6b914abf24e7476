/**
 * The Regularize step's levers: each turns a baseline config into a variant
 * that differs in exactly that lever, so a comparison says what the lever did.
 */
import type { Augmentation, Lever, ModelSpec, TrainConfig } from './contract'

export type { Lever }

export type LeverChange =
  | { lever: 'augmentation'; augmentation: Augmentation }
  | { lever: 'dropout'; rate: number }
  | { lever: 'l2'; l2: number }
  | { lever: 'model-size'; factor: number }
  | { lever: 'batch-size'; batchSize: number }
  | { lever: 'early-stopping'; patience: number }
  | { lever: 'more-data'; trainFraction: number }
  | { lever: 'seed'; seed: number }

/** Every layer's width times factor (at least 1 unit or filter), the rest as it was. */
function resized(model: ModelSpec, factor: number): ModelSpec {
  const scale = (n: number): number => Math.max(1, Math.round(n * factor))
  if (model.kind === 'mlp') {
    return { ...model, hidden: model.hidden.map((l) => ({ ...l, units: scale(l.units) })) }
  }
  return {
    ...model,
    filters: [scale(model.filters[0]), scale(model.filters[1])],
    dense: scale(model.dense)
  }
}

function withDropout(model: ModelSpec, rate: number): ModelSpec {
  if (model.kind === 'mlp')
    return { ...model, hidden: model.hidden.map((l) => ({ ...l, dropout: rate })) }
  return { ...model, dropout: rate }
}

export function variantConfig(baseline: TrainConfig, change: LeverChange): TrainConfig {
  switch (change.lever) {
    case 'augmentation':
      return { ...baseline, augmentation: change.augmentation }
    case 'dropout':
      return { ...baseline, model: withDropout(baseline.model, change.rate) }
    case 'l2':
      return { ...baseline, l2: change.l2 }
    case 'model-size':
      return { ...baseline, model: resized(baseline.model, change.factor) }
    case 'batch-size':
      return { ...baseline, batchSize: change.batchSize }
    case 'early-stopping':
      return { ...baseline, earlyStopping: { patience: change.patience } }
    case 'more-data':
      return { ...baseline, trainFraction: change.trainFraction }
    case 'seed':
      return { ...baseline, seed: change.seed }
  }
}

/** Why a lever cannot be tried on this baseline, or null. */
export function leverRefusal(baseline: TrainConfig, change: LeverChange): string | null {
  if (change.lever === 'early-stopping' && !((baseline.validationFraction ?? 0) > 0)) {
    return 'earlyStoppingNeedsValidation'
  }
  return null
}
