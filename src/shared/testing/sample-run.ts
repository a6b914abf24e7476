/** A finished run record for tests: two epochs, the second with a NaN test loss. */
import type { RunRecord } from '../contract'
import { seedTrainConfig } from '../train-defaults'

export function sampleRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    schemaVersion: 2,
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
        trainLoss: 0.45,
        trainAccuracy: 0.87,
        trainMeasured: 8000,
        runningLoss: 0.5,
        runningAccuracy: 0.85,
        testLoss: 0.4,
        testAccuracy: 0.88,
        seconds: 3.5,
        samplesPerSecond: 2285.7
      },
      {
        epoch: 2,
        trainLoss: 0.22,
        trainAccuracy: 0.94,
        trainMeasured: 8000,
        runningLoss: 0.25,
        runningAccuracy: 0.93,
        testLoss: Number.NaN,
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
