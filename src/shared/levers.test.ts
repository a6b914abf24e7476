import { describe, expect, it } from 'vitest'
import type { TrainConfig } from './contract'
import { trainConfigSchema } from './contract'
import { leverRefusal, variantConfig, type LeverChange } from './levers'
import { seedTrainConfig } from './train-defaults'

const baseline: TrainConfig = seedTrainConfig({ validationFraction: 0.1 })

/** The top-level config fields in which two configs differ. */
function changedFields(a: TrainConfig, b: TrainConfig): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TrainConfig>
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort()
}

const cases: [LeverChange, string[]][] = [
  [{ lever: 'augmentation', augmentation: { shift: 2, rotate: 10, scale: 0.1 } }, ['augmentation']],
  [{ lever: 'dropout', rate: 0.3 }, ['model']],
  [{ lever: 'l2', l2: 0.0005 }, ['l2']],
  [{ lever: 'model-size', factor: 2 }, ['model']],
  [{ lever: 'batch-size', batchSize: 64 }, ['batchSize']],
  [{ lever: 'early-stopping', patience: 3 }, ['earlyStopping']],
  [{ lever: 'more-data', trainFraction: 0.5 }, ['trainFraction']],
  [{ lever: 'seed', seed: 43 }, ['seed']]
]

describe('variantConfig', () => {
  it.each(cases)('changes exactly one lever: %o', (change, fields) => {
    const variant = variantConfig(baseline, change)
    expect(changedFields(baseline, variant)).toEqual(fields)
    expect(trainConfigSchema.safeParse(variant).success).toBe(true)
  })

  it('sets dropout on every hidden layer and resizes every layer', () => {
    const dropped = variantConfig(baseline, { lever: 'dropout', rate: 0.3 })
    expect(dropped.model.kind === 'mlp' && dropped.model.hidden.map((l) => l.dropout)).toEqual([
      0.3, 0.3, 0.3
    ])
    const bigger = variantConfig(baseline, { lever: 'model-size', factor: 2 })
    expect(bigger.model.kind === 'mlp' && bigger.model.hidden.map((l) => l.units)).toEqual([
      128, 128, 128
    ])
  })

  it('refuses early stopping on a baseline without a validation split', () => {
    const plain = seedTrainConfig()
    expect(leverRefusal(plain, { lever: 'early-stopping', patience: 2 })).toBe(
      'earlyStoppingNeedsValidation'
    )
    expect(leverRefusal(baseline, { lever: 'early-stopping', patience: 2 })).toBeNull()
  })
})
