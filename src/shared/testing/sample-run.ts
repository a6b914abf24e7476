/** A finished run record for tests: two epochs, the second with a NaN test loss. */
import type { RunRecord } from '../contract'
import { seedTrainConfig } from '../train-defaults'

export function sampleRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: '20250101-120000-abcdef',
    name: 'MLP 64-64-64 on MNIST sample',
    createdAt: '2025-01-01T12:00:00.000Z',
    updatedAt: '2025-01-01T12:05:00.000Z',
    datasetId: 'mnist-sample',
    datasetName: 'MNIST sample',
    split: { train: 8000, test: 2000 },
    config: seedTrainConfig({
      model: { kind: 'mlp', hidden: [{ units: 64, activation: 'relu', dropout: 0 }] },
      seed: 1
    }),
    parameterCount: 50890,
    backend: 'cpu',
    status: 'completed',
    firstLoss: 2.31,
    epochs: [
      {
        epoch: 1,
        trainLoss: 0.5,
        testLoss: 0.4,
        trainAccuracy: 0.85,
        testAccuracy: 0.88,
        seconds: 3.5,
        samplesPerSecond: 2285.7
      },
      {
        epoch: 2,
        trainLoss: 0.25,
        testLoss: Number.NaN,
        trainAccuracy: 0.93,
        testAccuracy: 0.91,
        seconds: 3.25,
        samplesPerSecond: 2461.5
      }
    ],
    testAccuracy: 0.91,
    testLoss: Number.NaN,
    bestEpoch: null,
    stoppedEpoch: null,
    durationSeconds: 6.75,
    checkpointEpoch: 2,
    evaluation: null,
    ...overrides
  }
}
