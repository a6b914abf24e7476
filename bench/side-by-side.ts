/**
 * The lab beside PyTorch in one run, on Fashion-MNIST's 60,000 training images:
 * the seed MLP and the CNN preset trained by the lab's engine (wasm) with 1 and
 * with 2 step workers, and by bench/pytorch_reference.py (Debian's PyTorch,
 * /usr/bin/python3) with 1 and 2 threads. Every figure says its worker or thread
 * count; the ratios are lab seconds over PyTorch seconds per epoch. The CNN is
 * timed on the first BENCH_CNN_ROWS images (default 6,000) and scaled to a whole
 * epoch, so the bench stays short on a shared machine. Where torch is missing
 * the PyTorch half says so and is skipped. Prints one JSON object.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AnyLabEvent, EpochEvent, ModelSpec, TrainConfig } from '../src/shared/contract'
import { defaultCnnSpec, defaultModelSpec } from '../src/shared/model-summary'
import { seedTrainConfig } from '../src/shared/train-defaults'
import { readIdxFiles, type LoadedDataset } from '../src/main/lab/datasets/load'
import { initBackend } from '../src/main/lab/engine/backend'
import { startSession } from '../src/main/lab/engine/train/session'
import { nodeRunFiles } from '../src/main/lab/engine/node-run-files'
import { nodeStepWorkers } from '../src/main/lab/engine/parallel/step-pool'

const fashionDir = '/usr/share/datasets/fashion-mnist'
const python = '/usr/bin/python3'
const mlpEpochs = Number(process.env.BENCH_EPOCHS ?? 2)
const cnnRows = Number(process.env.BENCH_CNN_ROWS ?? 6000)
const counts = [1, 2]

type Data = Pick<LoadedDataset, 'classNames' | 'train' | 'test'>

/** Seconds per epoch of the lab's engine on `data`, scaled to an epoch of `epochRows`. */
async function labEpochs(data: Data, config: TrainConfig, epochRows: number): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lab-bench-'))
  const epochs: EpochEvent[] = []
  try {
    const session = await startSession({
      runId: 'bench',
      files: nodeRunFiles(dir),
      config,
      dataset: data,
      resume: false,
      backend: 'wasm',
      stepWorkers: nodeStepWorkers,
      emit: (event: AnyLabEvent) => {
        if (event.name === 'train.epoch') epochs.push(event.payload)
      }
    })
    const status = await session.finished
    if (status !== 'completed') throw new Error(`the bench run ended as ${status}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return epochs.map((e) => round((e.seconds * epochRows) / data.train.count))
}

/** Only the first `rows` training images: trainFraction would pick a random sample. */
function firstRows(data: Data, rows: number): Data {
  return {
    ...data,
    train: {
      images: data.train.images.subarray(0, rows * 784),
      labels: data.train.labels.subarray(0, rows),
      count: rows
    },
    test: {
      images: data.test.images.subarray(0, 784),
      labels: data.test.labels.subarray(0, 1),
      count: 1
    }
  }
}

interface TorchReport {
  torch: string
  /** The BLAS libraries PyTorch loaded: Debian's reference BLAS is several times slower than OpenBLAS. */
  blas: string[]
  runs: { threads: number; secondsPerEpoch: Record<string, number[]> }[]
}

function pytorch(): TorchReport | { skipped: string } {
  const result = spawnSync(
    python,
    [
      join(__dirname, 'pytorch_reference.py'),
      fashionDir,
      '--threads',
      counts.join(','),
      '--epochs',
      String(mlpEpochs),
      '--cnn-rows',
      String(cnnRows)
    ],
    { encoding: 'utf8' }
  )
  if (result.error) return { skipped: `${python} could not run: ${result.error.message}` }
  if (result.status !== 0) {
    const missing = /No module named '(torch|torchvision)'/.exec(result.stderr)
    return {
      skipped: missing
        ? `${python} has no ${missing[1]}: sudo apt-get install python3-torch python3-torchvision libopenblas0-pthread`
        : `the PyTorch reference failed: ${result.stderr.trim().split('\n').at(-1)}`
    }
  }
  return JSON.parse(result.stdout) as TorchReport
}

const round = (n: number): number => Number(n.toFixed(3))
const min = (values: number[]): number => Math.min(...values)

async function main(): Promise<void> {
  await initBackend('wasm')
  const loadStart = loadavg().map(round)
  const data = await readIdxFiles({
    trainImages: join(fashionDir, 'train-images-idx3-ubyte.gz'),
    trainLabels: join(fashionDir, 'train-labels-idx1-ubyte.gz'),
    testImages: join(fashionDir, 't10k-images-idx3-ubyte.gz'),
    testLabels: join(fashionDir, 't10k-labels-idx1-ubyte.gz')
  })
  const classNames = Array.from({ length: 10 }, String)
  const all: Data = { classNames, train: data.train, test: data.test }
  const config = (model: ModelSpec, workers: number, epochs: number): TrainConfig =>
    seedTrainConfig({ datasetId: 'fashion-mnist', model, epochs, workers, seed: 1 })

  const lab: { workers: number; mlp: number[]; cnn: number[] }[] = []
  for (const workers of counts) {
    const mlp = await labEpochs(all, config(defaultModelSpec, workers, mlpEpochs), all.train.count)
    const cnn = await labEpochs(
      firstRows(all, cnnRows),
      config(defaultCnnSpec, workers, 1),
      all.train.count
    )
    lab.push({ workers, mlp, cnn })
  }
  const torch = pytorch()
  const ratios: Record<string, number>[] = []
  if ('runs' in torch) {
    for (const l of lab) {
      for (const t of torch.runs) {
        const p = t.secondsPerEpoch
        ratios.push({
          labWorkers: l.workers,
          torchThreads: t.threads,
          mlpOverTensorLoop: round(min(l.mlp) / min(p.mlpTensorLoop!)),
          mlpOverSeedPipeline: round(min(l.mlp) / min(p.mlpSeedPipeline!)),
          cnnOverTensorLoop: round(min(l.cnn) / min(p.cnnTensorLoop!))
        })
      }
    }
  }
  console.log(
    JSON.stringify(
      {
        bench: 'side-by-side',
        what: 'seconds per epoch of 60,000 Fashion-MNIST images, batch 256, Adam 0.001; the CNN timed on a slice and scaled',
        cnnRowsTimed: cnnRows,
        lab: lab.map((l) => ({ backend: 'wasm', ...l })),
        pytorch: torch,
        ratiosLabOverPytorch: ratios,
        loadAverage: { start: loadStart, end: loadavg().map(round) },
        // The whole bench process: both datasets, every run, its worker threads.
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024)
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
