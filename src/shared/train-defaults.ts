import type { TrainConfig } from './contract/training'
import { defaultModelSpec } from './model-summary'

/**
 * The seed notebook's first run: its MLP, Adam with default settings, batch 256,
 * two epochs reshuffled each time, inputs scaled to [0, 1]. Every other choice
 * starts from here.
 */
export function seedTrainConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    datasetId: 'mnist-sample',
    model: defaultModelSpec,
    optimizer: 'adam',
    learningRate: 0.001,
    momentum: 0,
    batchSize: 256,
    epochs: 2,
    shuffle: true,
    seed: 42,
    scaling: 'unit',
    l2: 0,
    trainFraction: 1,
    backend: 'auto',
    workers: null,
    ...overrides
  }
}
