/**
 * Training speed of the seed's configuration (MLP 784-64-64-64-10, Adam, batch
 * 256) on Fashion-MNIST's 60,000 images, BENCH_EPOCHS epochs (default 4).
 * Training runs in a forked child as in the app; the parent measures its own
 * event-loop lag meanwhile. The child then times the parts of one step and a
 * plain model.fit epoch of the same model (step-profile.ts). The load average
 * is printed beside the figures: on a shared machine they move with it.
 * Prints one JSON object. Run with `npm run bench`.
 */
import { fork } from 'node:child_process'
import { loadavg } from 'node:os'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as tf from '@tensorflow/tfjs'
import type { AnyLabEvent, BackendChoice, EpochEvent, TrainConfig } from '../src/shared/contract'
import { defaultModelSpec } from '../src/shared/model-summary'
import { readIdxFiles } from '../src/main/lab/datasets/load'
import { initBackend } from '../src/main/lab/engine/backend'
import { prepareSplit } from '../src/main/lab/engine/data/batches'
import { fittedScalingTable } from '../src/shared/scaling'
import { nodeRunFiles } from '../src/main/lab/engine/node-run-files'
import { nodeStepWorkers } from '../src/main/lab/engine/parallel/step-pool'
import { startSession } from '../src/main/lab/engine/train/session'
import { modelFitEpochSeconds, profileSteps, spread, type StepProfile } from './step-profile'

const fashionDir = '/usr/share/datasets/fashion-mnist'
const epochs = Number(process.env.BENCH_EPOCHS ?? 4)
const modelFitRuns = Number(process.env.BENCH_FIT_RUNS ?? 2)

interface ChildReport {
  backend: string
  epochs: EpochEvent[]
  tensorsBefore: number
  tensorsAfter: number
  peakRssMb: number
  loadSeconds: number
  profile: StepProfile
  modelFitSeconds: number[]
  loadAverage: { start: number[]; end: number[] }
}

async function child(): Promise<void> {
  const choice = (process.env.BENCH_BACKEND ?? 'auto') as BackendChoice
  const { backend } = await initBackend(choice)
  const loadStart = loadavg()
  const loadStarted = performance.now()
  const data = await readIdxFiles({
    trainImages: join(fashionDir, 'train-images-idx3-ubyte.gz'),
    trainLabels: join(fashionDir, 'train-labels-idx1-ubyte.gz'),
    testImages: join(fashionDir, 't10k-images-idx3-ubyte.gz'),
    testLabels: join(fashionDir, 't10k-labels-idx1-ubyte.gz')
  })
  const loadSeconds = (performance.now() - loadStarted) / 1000
  const config: TrainConfig = {
    datasetId: 'fashion-mnist',
    model: defaultModelSpec,
    optimizer: 'adam',
    learningRate: 0.001,
    momentum: 0,
    batchSize: 256,
    epochs,
    shuffle: true,
    seed: 1,
    scaling: 'unit',
    l2: 0,
    trainFraction: 1,
    backend: choice,
    workers: null
  }
  const dir = await mkdtemp(join(tmpdir(), 'lab-bench-'))
  const epochEvents: EpochEvent[] = []
  const tensorsBefore = tf.memory().numTensors
  const session = await startSession({
    runId: 'bench',
    files: nodeRunFiles(dir),
    config,
    dataset: { classNames: Array.from({ length: 10 }, String), train: data.train, test: data.test },
    resume: false,
    backend,
    // As the engine trains: one step worker per core.
    stepWorkers: nodeStepWorkers,
    emit: (event: AnyLabEvent) => {
      if (event.name === 'train.epoch') epochEvents.push(event.payload)
      // Relayed as the engine does, so the parent pays for the messages too.
      process.send?.(event)
    }
  })
  const status = await session.finished
  await rm(dir, { recursive: true, force: true })
  if (status !== 'completed') throw new Error(`training ended as ${status}`)
  const prepared = prepareSplit(data.train, fittedScalingTable('unit', data.train.images))
  const profile = await profileSteps(config.model, prepared)
  const modelFitSeconds = await modelFitEpochSeconds(config.model, prepared, modelFitRuns)
  const report: ChildReport = {
    backend,
    epochs: epochEvents,
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    loadSeconds,
    profile,
    modelFitSeconds,
    loadAverage: { start: loadStart, end: loadavg() }
  }
  process.send?.({ report })
}

async function parent(): Promise<void> {
  const lag = monitorEventLoopDelay({ resolution: 10 })
  const started = performance.now()
  const report = await new Promise<ChildReport>((resolve, reject) => {
    const worker = fork(__filename, ['--child'], { execArgv: ['--import', 'tsx'] })
    let result: ChildReport | null = null
    worker.on('message', (message: { report?: ChildReport; name?: string }) => {
      if (message.report) result = message.report
      // Lag is measured while training runs, from the first event on.
      if (message.name === 'train.status') lag.enable()
    })
    worker.on('error', reject)
    worker.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`the bench child exited with code ${code}`))
    )
  })
  lag.disable()
  const seconds = report.epochs.map((e) => Number(e.seconds.toFixed(3)))
  const last = report.epochs.at(-1)
  const perEpoch = spread(seconds)
  const fit = spread(report.modelFitSeconds)
  console.log(
    JSON.stringify(
      {
        bench: 'train',
        configuration: 'MLP 784-64-64-64-10 relu, Adam 0.001, batch 256, Fashion-MNIST 60,000',
        backend: report.backend,
        epochs: report.epochs.length,
        secondsPerEpoch: { ...perEpoch, all: seconds },
        modelFitSecondsPerEpoch: {
          ...fit,
          all: report.modelFitSeconds.map((n) => Number(n.toFixed(3)))
        },
        modelFitOverFastPath: {
          min: Number((fit.min / perEpoch.min).toFixed(2)),
          median: Number((fit.median / perEpoch.median).toFixed(2))
        },
        stepMs: report.profile.partsMs,
        kernelsPerStep: report.profile.kernelsPerStep,
        topKernelsMsPerStep: report.profile.topKernels,
        loadAverage: report.loadAverage,
        samplesPerSecond: report.epochs.map((e) => Math.round(e.samplesPerSecond)),
        testAccuracy:
          last?.testAccuracy !== undefined ? Number(last.testAccuracy.toFixed(4)) : null,
        tensorsBefore: report.tensorsBefore,
        tensorsAfter: report.tensorsAfter,
        peakRssMb: report.peakRssMb,
        datasetLoadSeconds: Number(report.loadSeconds.toFixed(2)),
        parentEventLoopLagMs: {
          mean: Number((lag.mean / 1e6).toFixed(2)),
          p99: Number((lag.percentile(99) / 1e6).toFixed(2)),
          max: Number((lag.max / 1e6).toFixed(2))
        },
        wallSeconds: Number(((performance.now() - started) / 1000).toFixed(2))
      },
      null,
      2
    )
  )
}

;(process.argv.includes('--child') ? child() : parent()).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
