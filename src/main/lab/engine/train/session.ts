/**
 * One training run inside the engine: prepares data, model and optimizer from
 * run.json's config (or its checkpoint, to resume), runs the loop, writes
 * checkpoint/ and model/ per epoch, and reports through `emit`.
 */
import * as tf from '@tensorflow/tfjs'
import {
  LabError,
  type AnyLabEvent,
  type BackendName,
  type RunStatus,
  type TrainConfig
} from '../../../../shared/contract'
import type { LoadedDataset } from '../../datasets/load'
import { fittedScalingTable } from '../../../../shared/scaling'
import { prepareSplit, trainRows, type PreparedSplit } from '../data/batches'
import type { RunFiles } from '../run-files'
import { loadCheckpoint, saveCheckpoint, saveModel } from './checkpoint'
import { TrainingControl } from './control'
import { buildModel } from '../model/model'
import { chooseStep } from '../step/choice'
import { buildStep, type BuiltStep, type StepWorkers } from '../step/plan'
import { trainLoop, type LoopOutcome } from './loop'

export interface SessionOptions {
  runId: string
  /** The run's folder, kept by the engine's host: checkpoints and the model go there. */
  files: RunFiles
  config: TrainConfig
  dataset: Pick<LoadedDataset, 'classNames' | 'train' | 'test'>
  resume: boolean
  backend: BackendName
  /** Step workers where the host has threads; without them every step runs in this thread. */
  stepWorkers?: StepWorkers
  emit(event: AnyLabEvent): void
}

export interface TrainingSession {
  readonly runId: string
  readonly control: TrainingControl
  /** Settles when the loop has ended and everything is written and disposed. */
  readonly finished: Promise<RunStatus>
}

/** Prepares everything, then starts the loop in the background; resolves once it runs. */
export async function startSession(options: SessionOptions): Promise<TrainingSession> {
  const { config, dataset } = options
  const classes = dataset.classNames.length
  const data = prepareData(config, dataset)
  const model = buildModel(config.model, config.seed, data.train.inputSize, classes)
  const { stepWorkers } = options
  // null asks for one step worker per core.
  const workers = stepWorkers ? (config.workers ?? stepWorkers.perCore) : 1
  const choice = chooseStep(config.model.kind, options.backend, workers)
  let built: BuiltStep
  try {
    built = await buildStep(
      choice,
      config.model,
      model,
      {
        l2: config.l2,
        optimizer: {
          name: config.optimizer,
          learningRate: config.learningRate,
          momentum: config.momentum
        }
      },
      stepWorkers && {
        workers: stepWorkers,
        backend: options.backend,
        classes,
        batchSize: config.batchSize
      }
    )
  } catch (error) {
    model.dispose()
    throw error
  }
  const { gradients: step, optimizer } = built
  const stopWorkers = async (): Promise<void> => {
    if (step.kind === 'parallel') await step.dispose()
  }
  let progress = { epochsDone: 0, steps: 0 }
  if (options.resume) {
    try {
      const checkpoint = await loadCheckpoint(options.files)
      model.setWeights(checkpoint.weights)
      optimizer.setState(checkpoint.optimizer)
      tf.dispose([...checkpoint.weights, ...checkpoint.optimizer.slots])
      progress = { epochsDone: checkpoint.progress.epoch, steps: checkpoint.progress.steps }
    } catch (error) {
      await stopWorkers()
      model.dispose()
      optimizer.dispose()
      throw new LabError(
        'not_found',
        `Run ${options.runId} has no readable checkpoint to resume from (${error instanceof Error ? error.message : String(error)}).`
      )
    }
  }
  const control = new TrainingControl()
  const { runId, emit, backend } = options
  const status = (value: RunStatus, message?: string): void =>
    emit({
      name: 'train.status',
      payload: { runId, status: value, backend, step: choice, ...(message ? { message } : {}) }
    })

  const run = async (): Promise<RunStatus> => {
    let outcome: LoopOutcome
    try {
      outcome = await trainLoop({
        model,
        step,
        optimizer,
        data: { ...data, classes },
        settings: config,
        progress,
        control,
        callbacks: {
          onBatch: (event) => emit({ name: 'train.batch', payload: { runId, ...event } }),
          onEpoch: async (metrics) => {
            const state = optimizer.getState()
            try {
              await saveCheckpoint(
                model,
                state,
                { epoch: metrics.epoch, steps: optimizer.step, metrics },
                options.files
              )
            } finally {
              tf.dispose(state.slots)
            }
            await saveModel(model, options.files)
            emit({ name: 'train.epoch', payload: { runId, ...metrics } })
          }
        }
      })
      if (outcome.status === 'diverged') {
        status('diverged', outcome.message)
        return 'diverged'
      }
      // A stopped run keeps its latest weights, mid-epoch or not.
      if (outcome.status === 'stopped') await saveModel(model, options.files)
      status(outcome.status)
      return outcome.status
    } catch (error) {
      status('failed', failureMessage(error))
      return 'failed'
    } finally {
      await stopWorkers()
      optimizer.dispose()
      model.dispose()
    }
  }
  status('running')
  return { runId, control, finished: run() }
}

/** The run's splits, scaled as its config says (the LR finder and the Overfit tab take parts). */
export function prepareData(
  config: Pick<TrainConfig, 'scaling' | 'trainFraction' | 'seed'>,
  dataset: SessionOptions['dataset']
): { train: PreparedSplit; test: PreparedSplit } {
  // Fitted on the whole train split, as Explore and evaluation compute it.
  const table = fittedScalingTable(config.scaling, dataset.train.images)
  const rows = trainRows(dataset.train.count, config.trainFraction, config.seed)
  return {
    train: prepareSplit(dataset.train, table, rows),
    test: prepareSplit(dataset.test, table)
  }
}

/** A sentence for the run record; memory exhaustion gets its own advice. */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (
    /out of memory|memory access out of bounds|allocation failed|cannot enlarge memory|oom|maximum memory/i.test(
      message
    )
  ) {
    return `Training ran out of memory (${message.split('\n')[0]}). Use a smaller batch size or model, or train on fewer samples.`
  }
  return `Training failed: ${message.split('\n')[0]}`
}
