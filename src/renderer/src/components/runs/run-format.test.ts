import { describe, expect, it } from 'vitest'
import type { TrainConfig } from '../../../../shared/contract'
import {
  formatAccuracy,
  formatDuration,
  hyperparameters,
  modelLabel,
  newRunName
} from './run-format'
import { setLocale } from '../../i18n'
import { seedTrainConfig } from '../../../../shared/train-defaults'

const config: TrainConfig = seedTrainConfig({ datasetId: 'mnist', seed: 0 })

describe('run descriptions', () => {
  it('names the seed model and its hyperparameters', () => {
    expect(modelLabel(config.model)).toBe('MLP 64-64-64 relu')
    expect(hyperparameters(config)).toBe('Adam, lr 0.001, batch 256, 2 epochs')
  })

  it('names a CNN, SGD with momentum and an L2 penalty', () => {
    expect(modelLabel({ kind: 'cnn', filters: [16, 32], dense: 64, dropout: 0.5 })).toBe(
      'CNN 16-32 filters, dense 64, dropout 0.5'
    )
    expect(
      hyperparameters({ ...config, optimizer: 'sgd', momentum: 0.9, l2: 0.01, epochs: 1 })
    ).toBe('SGD (momentum 0.9), lr 0.001, batch 256, 1 epoch, L2 0.01')
  })

  it('formats durations and accuracies, with a dash for the unknown', () => {
    expect(formatDuration(3.25)).toBe('3.3 s')
    expect(formatDuration(125)).toBe('2 min 5 s')
    expect(formatDuration(7260)).toBe('2 h 1 min')
    expect(formatAccuracy(null)).toBe('–')
    expect(formatAccuracy(0.91234)).toBe('91.23%')
  })
})

describe('a new run name', () => {
  const at = new Date(2026, 10, 30, 8, 47)

  it('names model, dataset and time in the chosen language', () => {
    // ICU puts a narrow no-break space before AM in some versions: any space will do.
    expect(newRunName(config.model, 'MNIST', at)).toMatch(/^MLP 64-64-64 on MNIST, 8:47\sAM$/)
    setLocale('de')
    try {
      expect(newRunName(config.model, 'MNIST', at)).toBe('MLP 64-64-64 auf MNIST, 08:47')
    } finally {
      setLocale('en')
    }
  })

  it('stays within the 80 characters a run name may have', () => {
    const name = newRunName(config.model, 'x'.repeat(100), at)
    expect(name).toHaveLength(80)
    expect(name.endsWith('…')).toBe(true)
  })
})
