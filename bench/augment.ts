/**
 * What on-the-fly augmentation (shift 2, rotate 10, scale 0.1) adds to a
 * seed-MLP epoch on the 8,000-digit sample: the same run with and without it,
 * interleaved (the order alternating each round) so both see the same load, and
 * the median of the rounds' ratios reported, with 1 step worker (the engine's own
 * thread) and with 2 (a step pool; one per core is the default, 2 here). The goal
 * is at most 30% more. The transform alone over the same rows is timed too: it is
 * the part augmentation owns, and it does not move with the training step's share
 * of the machine. The load average is printed beside the figures: on a shared
 * machine they move with it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AnyLabEvent, EpochEvent, TrainConfig } from '../src/shared/contract'
import { seedTrainConfig } from '../src/shared/train-defaults'
import { initBackend } from '../src/main/lab/engine/backend'
import { nodeRunFiles } from '../src/main/lab/engine/node-run-files'
import { startSession } from '../src/main/lab/engine/train/session'
import { nodeStepWorkers } from '../src/main/lab/engine/parallel/step-pool'
import { mnistSample } from '../src/main/lab/engine/testing/mnist-sample'
import { augmentRows } from '../src/main/lab/engine/data/augment'

const rounds = 5
const augmentation = { shift: 2, rotate: 10, scale: 0.1 }

async function epochSeconds(dir: string, config: TrainConfig, round: number): Promise<number> {
  const sample = mnistSample()
  const events: AnyLabEvent[] = []
  const session = await startSession({
    runId: `bench-${round}`,
    files: nodeRunFiles(
      join(dir, `run-${round}-${config.workers}-${config.augmentation ? 'aug' : 'plain'}`)
    ),
    config,
    dataset: { classNames: sample.classNames, train: sample.train, test: sample.test },
    resume: false,
    backend: 'wasm',
    stepWorkers: nodeStepWorkers,
    emit: (e) => events.push(e)
  })
  await session.finished
  const epoch = events.find((e) => e.name === 'train.epoch')?.payload as EpochEvent
  return epoch.seconds
}

/** The row transform alone over one epoch's rows (median of five passes). */
function transformSeconds(): number {
  const { train } = mnistSample()
  const width = 784
  const split = {
    x: Float32Array.from(train.images, (v) => v / 255),
    labels: train.labels,
    count: train.count,
    inputSize: width
  }
  const transform = augmentRows(augmentation, 1, split, 0)!
  const row = new Float32Array(width)
  const passes: number[] = []
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now()
    for (let r = 0; r < train.count; r++) transform(row, r, pass)
    passes.push((performance.now() - started) / 1000)
  }
  return median(passes)
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!

/** Interleaved rounds with and without augmentation at one worker count. */
async function compare(dir: string, workers: number) {
  const plain: number[] = []
  const augmented: number[] = []
  const base = seedTrainConfig({ epochs: 1, workers })
  // One discarded pair first: the first epochs of a process run before the JIT has warmed up.
  await epochSeconds(dir, base, -1)
  await epochSeconds(dir, { ...base, augmentation }, -1)
  const ratios: number[] = []
  for (let round = 0; round < rounds; round++) {
    const augmentedFirst = round % 2 === 1
    if (augmentedFirst) augmented.push(await epochSeconds(dir, { ...base, augmentation }, round))
    plain.push(await epochSeconds(dir, base, round))
    if (!augmentedFirst) augmented.push(await epochSeconds(dir, { ...base, augmentation }, round))
    ratios.push(augmented[round]! / plain[round]!)
  }
  const added = median(ratios) - 1
  return {
    workers,
    plainEpochSeconds: plain.map((s) => Number(s.toFixed(3))),
    augmentedEpochSeconds: augmented.map((s) => Number(s.toFixed(3))),
    roundRatios: ratios.map((r) => Number(r.toFixed(3))),
    addedFraction: Number(added.toFixed(3)),
    met: added <= 0.3,
    medianPlainSeconds: median(plain)
  }
}

async function main(): Promise<void> {
  await initBackend('wasm')
  const dir = await mkdtemp(join(tmpdir(), 'bench-augment-'))
  try {
    const loadBefore = loadavg().map((n) => Number(n.toFixed(2)))
    const byWorkers = [await compare(dir, 1), await compare(dir, 2)]
    const transform = transformSeconds()
    console.log(
      JSON.stringify({
        bench: 'augmentation cost, seed MLP, one epoch of 8,000 digits, wasm, 1 and 2 workers',
        augmentation,
        goal: 'addedFraction at most 0.30',
        byWorkers: byWorkers.map(({ medianPlainSeconds, ...figures }) => ({
          ...figures,
          transformShareOfPlainEpoch: Number((transform / medianPlainSeconds).toFixed(3))
        })),
        transformOnlySecondsPerEpoch: Number(transform.toFixed(3)),
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg().map((n) => Number(n.toFixed(2)))
      })
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

void main()
