import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AnyLabEvent, EpochEvent } from '../../../../shared/contract'
import { seedTrainConfig } from '../../../../shared/train-defaults'
import { initBackend } from '../backend'
import { mnistSample } from '../testing/mnist-sample'
import { nodeRunFiles } from '../node-run-files'
import { startSession } from './session'

let dir: string
beforeAll(async () => {
  await initBackend('wasm')
  dir = await mkdtemp(join(tmpdir(), 'lab-cnn-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// The whole engine session on wasm, so the CNN trains through the fast path
// (fast-cnn.ts). A small CNN keeps the test cheap; the preset trains the same way.
it('trains a CNN on the bundled sample to 95% test accuracy in 5 epochs', async () => {
  const sample = mnistSample()
  const events: AnyLabEvent[] = []
  const session = await startSession({
    runId: 'cnn',
    files: nodeRunFiles(join(dir, 'cnn')),
    config: seedTrainConfig({
      model: { kind: 'cnn', filters: [8, 16], dense: 32, dropout: 0 },
      batchSize: 64,
      epochs: 5
    }),
    dataset: { classNames: sample.classNames, train: sample.train, test: sample.test },
    resume: false,
    backend: 'wasm',
    emit: (e) => events.push(e)
  })
  expect(await session.finished).toBe('completed')
  const epochs = events.filter((e) => e.name === 'train.epoch').map((e) => e.payload as EpochEvent)
  expect(epochs).toHaveLength(5)
  expect(epochs[4]!.testAccuracy).toBeGreaterThanOrEqual(0.95)
}, 300_000)
