/**
 * What on-the-fly augmentation (shift 2, rotate 10, scale 0.1) adds to a
 * seed-MLP epoch on the 8,000-digit sample: the same run with and without it,
 * a few times each, medians compared. The goal is at most 30% more. The load
 * average is printed beside the figures: on a shared machine they move with it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AnyLabEvent, EpochEvent, TrainConfig } from '../src/shared/contract'
import { seedTrainConfig } from '../src/shared/train-defaults'
import { initBackend } from '../src/main/lab/engine/backend'
import { nodeRunFiles } from '../src/main/lab/engine/node-run-files'
import { startSession } from '../src/main/lab/engine/train/session'
import { mnistSample } from '../src/main/lab/engine/testing/mnist-sample'

const rounds = 3
const augmentation = { shift: 2, rotate: 10, scale: 0.1 }

async function epochSeconds(dir: string, config: TrainConfig, round: number): Promise<number> {
  const sample = mnistSample()
  const events: AnyLabEvent[] = []
  const session = await startSession({
    runId: `bench-${round}`,
    files: nodeRunFiles(join(dir, `run-${round}-${config.augmentation ? 'aug' : 'plain'}`)),
    config,
    dataset: { classNames: sample.classNames, train: sample.train, test: sample.test },
    resume: false,
    backend: 'wasm',
    emit: (e) => events.push(e)
  })
  await session.finished
  const epoch = events.find((e) => e.name === 'train.epoch')?.payload as EpochEvent
  return epoch.seconds
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!

async function main(): Promise<void> {
  await initBackend('wasm')
  const dir = await mkdtemp(join(tmpdir(), 'bench-augment-'))
  try {
    const plain: number[] = []
    const augmented: number[] = []
    const base = seedTrainConfig({ epochs: 1, workers: 1 })
    for (let round = 0; round < rounds; round++) {
      plain.push(await epochSeconds(dir, base, round))
      augmented.push(await epochSeconds(dir, { ...base, augmentation }, round))
    }
    const added = median(augmented) / median(plain) - 1
    console.log(
      JSON.stringify({
        bench: 'augmentation cost, seed MLP, one epoch of 8,000 digits, wasm, 1 worker',
        augmentation,
        plainEpochSeconds: plain.map((s) => Number(s.toFixed(3))),
        augmentedEpochSeconds: augmented.map((s) => Number(s.toFixed(3))),
        addedFraction: Number(added.toFixed(3)),
        goal: 'at most 0.30',
        met: added <= 0.3,
        loadAverage: loadavg().map((n) => Number(n.toFixed(2)))
      })
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

void main()
