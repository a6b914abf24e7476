import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnyLabEvent, EpochEvent, TrainConfig } from '../../../../shared/contract'
import { seedTrainConfig } from '../../../../shared/train-defaults'
import { initBackend } from '../backend'
import { mnistSample } from '../testing/mnist-sample'
import { startSession, type SessionOptions } from '../train/session'
import { nodeRunFiles } from '../node-run-files'
import { nodeStepWorkers, spawnStepWorker, startStepPool } from './step-pool'

const sample = mnistSample()
const dataset = { classNames: sample.classNames, train: sample.train, test: sample.test }
// Dropout on, so the masks must not depend on how the batch is split.
const config: TrainConfig = seedTrainConfig({
  model: {
    kind: 'mlp',
    hidden: [
      { units: 32, activation: 'relu', dropout: 0.2 },
      { units: 32, activation: 'relu', dropout: 0 }
    ]
  },
  epochs: 2,
  trainFraction: 0.096,
  batchSize: 128
})

let dir: string
beforeAll(async () => {
  await initBackend('wasm')
  dir = await mkdtemp(join(tmpdir(), 'lab-workers-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function train(runId: string, workers: number, options: Partial<SessionOptions> = {}) {
  const events: AnyLabEvent[] = []
  const session = await startSession({
    runId,
    files: nodeRunFiles(join(dir, runId)),
    config: { ...config, workers },
    dataset,
    resume: false,
    backend: 'wasm',
    stepWorkers: nodeStepWorkers,
    emit: (e) => events.push(e),
    ...options
  })
  const status = await session.finished
  const epochs = events.filter((e) => e.name === 'train.epoch').map((e) => e.payload as EpochEvent)
  return { status, events, epochs }
}

describe('training with step workers', () => {
  it('gives the same losses with 1 and 2 workers', async () => {
    const one = await train('one', 1)
    const two = await train('two', 2)
    expect(one.status).toBe('completed')
    expect(two.status).toBe('completed')
    expect(two.epochs).toHaveLength(2)
    two.epochs.forEach((epoch, i) => {
      expect(Math.abs(epoch.trainLoss - one.epochs[i]!.trainLoss)).toBeLessThan(1e-4)
      expect(Math.abs(epoch.testLoss! - one.epochs[i]!.testLoss!)).toBeLessThan(1e-4)
    })
  })

  it('fails the run with the reason when a worker dies, and it resumes from its checkpoint', async () => {
    const threads: Worker[] = []
    const events: AnyLabEvent[] = []
    const session = await startSession({
      runId: 'crash',
      files: nodeRunFiles(join(dir, 'crash')),
      config: { ...config, workers: 2 },
      dataset,
      resume: false,
      backend: 'wasm',
      stepWorkers: {
        perCore: 2,
        start: (pool) =>
          startStepPool({
            ...pool,
            spawn: () => {
              const worker = spawnStepWorker()
              threads.push(worker)
              return worker
            }
          })
      },
      emit: (e) => {
        events.push(e)
        if (e.name === 'train.epoch') void threads[0]!.terminate()
      }
    })
    expect(await session.finished).toBe('failed')
    const failed = events.find((e) => e.name === 'train.status' && e.payload.status === 'failed')
    expect(failed?.payload).toMatchObject({
      message: expect.stringMatching(/Training worker 2 stopped/)
    })

    const resumed = await train('crash', 1, { resume: true })
    expect(resumed.status).toBe('completed')
    expect(resumed.epochs.map((e) => e.epoch)).toEqual([2])
  })
})
