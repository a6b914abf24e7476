/**
 * What the measured train pass costs (issue 11): the seed MLP trains
 * BENCH_PASS_EPOCHS epochs (default 2) on Fashion-MNIST's 60,000 images, then
 * the pass that follows each epoch (no gradients, dropout off, on the fixed
 * stratified 10,000-image subset) is timed alone. The goal is at most 15% of
 * an epoch. Beside it, everything the loop does after an epoch's training (the
 * pass, the validation or test figures, the prediction strip, the per-layer
 * diagnostics, the checkpoint) is read off the run itself: the wall time
 * between two epoch events less the second epoch's own training seconds.
 * Prints one JSON object; the load average is printed beside it.
 */
import { loadavg, tmpdir } from 'node:os'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { EpochEvent } from '../src/shared/contract'
import { defaultModelSpec } from '../src/shared/model-summary'
import { seedTrainConfig } from '../src/shared/train-defaults'
import { readIdxFiles } from '../src/main/lab/datasets/load'
import { initBackend } from '../src/main/lab/engine/backend'
import { prepareSplit } from '../src/main/lab/engine/data/batches'
import { nodeRunFiles } from '../src/main/lab/engine/node-run-files'
import { fittedScalingTable } from '../src/shared/scaling'
import { trainPassSet } from '../src/main/lab/engine/evaluate/train-pass'
import { buildModel } from '../src/main/lab/engine/model/model'
import { evaluate } from '../src/main/lab/engine/train/loop'
import { startSession } from '../src/main/lab/engine/train/session'
import { spread } from './step-profile'

const fashionDir = '/usr/share/datasets/fashion-mnist'
const epochs = Number(process.env.BENCH_PASS_EPOCHS ?? 2)
const passRuns = 5

async function main(): Promise<void> {
  const { backend } = await initBackend('auto')
  const loadStart = loadavg()
  const data = await readIdxFiles({
    trainImages: join(fashionDir, 'train-images-idx3-ubyte.gz'),
    trainLabels: join(fashionDir, 'train-labels-idx1-ubyte.gz'),
    testImages: join(fashionDir, 't10k-images-idx3-ubyte.gz'),
    testLabels: join(fashionDir, 't10k-labels-idx1-ubyte.gz')
  })
  const config = seedTrainConfig({
    datasetId: 'fashion-mnist',
    model: defaultModelSpec,
    epochs,
    seed: 1
  })
  const dir = await mkdtemp(join(tmpdir(), 'lab-bench-pass-'))
  const epochEvents: EpochEvent[] = []
  const emittedAt: number[] = []
  const session = await startSession({
    runId: 'bench-pass',
    files: nodeRunFiles(dir),
    config,
    dataset: { classNames: Array.from({ length: 10 }, String), train: data.train, test: data.test },
    resume: false,
    backend,
    emit: (event) => {
      if (event.name !== 'train.epoch') return
      epochEvents.push(event.payload)
      emittedAt.push(performance.now())
    }
  })
  const status = await session.finished
  await rm(dir, { recursive: true, force: true })
  if (status !== 'completed') throw new Error(`training ended as ${status}`)

  // The pass costs the same for any weights of this shape: a fresh model will do.
  const train = prepareSplit(data.train, fittedScalingTable('unit', data.train.images))
  const set = trainPassSet(train, config.seed)
  const model = buildModel(config.model, config.seed, train.inputSize, 10)
  const passSeconds: number[] = []
  for (let i = 0; i < passRuns; i++) {
    const started = performance.now()
    await evaluate(model, set.split, 10)
    passSeconds.push((performance.now() - started) / 1000)
  }
  model.dispose()
  const epoch = spread(epochEvents.map((e) => e.seconds))
  const pass = spread(passSeconds)
  const afterEpoch = spread(
    emittedAt.slice(1).map((at, i) => (at - emittedAt[i]!) / 1000 - epochEvents[i + 1]!.seconds)
  )
  console.log(
    JSON.stringify(
      {
        bench: 'train-pass',
        configuration: 'MLP 784-64-64-64-10 relu, Adam 0.001, batch 256, Fashion-MNIST 60,000',
        backend,
        measuredImages: set.split.count,
        wholeSplit: set.whole,
        secondsPerEpoch: epoch,
        passSeconds: pass,
        passShareOfEpoch: {
          min: Number((pass.min / epoch.min).toFixed(3)),
          median: Number((pass.median / epoch.median).toFixed(3))
        },
        afterEpochSeconds: afterEpoch,
        afterEpochShareOfEpoch: {
          min: Number((afterEpoch.min / epoch.min).toFixed(3)),
          median: Number((afterEpoch.median / epoch.median).toFixed(3))
        },
        loadAverage: { start: loadStart, end: loadavg() }
      },
      null,
      2
    )
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
