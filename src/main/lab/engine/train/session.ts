/**
 * One training run inside the engine: prepares data, model and optimizer from
 * run.json's config (or its checkpoint, to resume), runs the loop, writes
 * checkpoint/ and model/ per epoch, and reports through `emit`.
 */
import * as tf from '@tensorflow/tfjs'
import {
  LabError,
  type AnyLabEvent,
  type LabErrorText,
  type BackendName,
  type EpochMetrics,
  type RunStatus,
  type TrainConfig,
  type WordedMessage
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
import { evaluate, trainLoop, type LoopOutcome } from './loop'
import { stratifiedSplit } from '../data/validation-split'
import { augmentRows } from '../data/augment'
import { KeptWeights } from './kept-weights'
import { checkpointedEpochs } from '../../runs/layout'

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
  let kept = new KeptWeights(config.earlyStopping)
  /** Every epoch's metrics so far: each checkpoint carries them all (CheckpointProgress.epochs). */
  let epochHistory: EpochMetrics[] = []
  if (options.resume) {
    try {
      const checkpoint = await loadCheckpoint(options.files)
      model.setWeights(checkpoint.weights)
      optimizer.setState(checkpoint.optimizer)
      tf.dispose([...checkpoint.weights, ...checkpoint.optimizer.slots])
      progress = { epochsDone: checkpoint.progress.epoch, steps: checkpoint.progress.steps }
      epochHistory = checkpointedEpochs(checkpoint.progress)
      kept = new KeptWeights(
        config.earlyStopping,
        checkpoint.progress.earlyStopping,
        checkpoint.bestWeights
      )
    } catch (error) {
      await stopWorkers()
      model.dispose()
      optimizer.dispose()
      throw new LabError(
        'not_found',
        `Run ${options.runId} has no readable checkpoint to resume from (${error instanceof Error ? error.message : String(error)}).`,
        { key: 'train.errors.noCheckpoint', params: { run: options.runId } }
      )
    }
  }
  const control = new TrainingControl()
  const { runId, emit, backend } = options
  const status = (value: RunStatus, message?: string, text?: LabErrorText): void =>
    emit({
      name: 'train.status',
      payload: {
        runId,
        status: value,
        backend,
        step: choice,
        ...(message ? { message } : {}),
        ...(text ? { text } : {})
      }
    })

  const runLoop = async (): Promise<{
    value: RunStatus
    message?: string
    text?: LabErrorText
  }> => {
    let outcome: LoopOutcome
    try {
      outcome = await trainLoop({
        model,
        step,
        optimizer,
        data: { ...data, classes },
        augment: augmentRows(config.augmentation, config.seed, data.train, data.background),
        settings: config,
        progress,
        control,
        callbacks: {
          onBatch: (event) => emit({ name: 'train.batch', payload: { runId, ...event } }),
          onEpoch: async (metrics) => {
            const verdict =
              metrics.validationLoss === undefined
                ? undefined
                : kept.observe(model, metrics.epoch, metrics.validationLoss)
            const state = optimizer.getState()
            epochHistory = [...epochHistory.filter((e) => e.epoch < metrics.epoch), metrics]
            try {
              await saveCheckpoint(
                model,
                state,
                {
                  epoch: metrics.epoch,
                  steps: optimizer.step,
                  epochs: epochHistory,
                  earlyStopping: kept.state
                },
                options.files,
                kept.bestWeights
              )
            } finally {
              tf.dispose(state.slots)
            }
            await saveModel(model, options.files)
            emit({ name: 'train.epoch', payload: { runId, ...metrics } })
            return verdict
          }
        }
      })
      if (outcome.status === 'diverged') {
        return {
          value: 'diverged',
          message: outcome.message,
          text: { key: 'train.outcome.diverged' }
        }
      }
      // Early stopping keeps the best epoch's weights; otherwise a run keeps its
      // latest, mid-epoch or not. The test split is evaluated once, on those.
      kept.restoreInto(model)
      await saveModel(model, options.files)
      const test = await evaluate(model, data.test, classes)
      emit({
        name: 'train.result',
        payload: {
          runId,
          testLoss: test.loss,
          testAccuracy: test.accuracy,
          bestEpoch: data.validation ? kept.state.bestEpoch : null,
          stoppedEpoch: outcome.stoppedEarly ? outcome.epochsDone : null
        }
      })
      return { value: outcome.status }
    } catch (error) {
      return { value: 'failed', ...failureMessage(error) }
    } finally {
      kept.dispose()
      await stopWorkers()
      optimizer.dispose()
      model.dispose()
    }
  }
  // The final status goes out once workers and tensors are released, so whoever
  // hears it (a learning curve's next run) finds the engine free.
  const run = async (): Promise<RunStatus> => {
    const ending = await runLoop()
    status(ending.value, ending.message, ending.text)
    return ending.value
  }
  status('running')
  return { runId, control, finished: run() }
}

/** The run's splits, scaled as its config says (the LR finder and the Overfit tab take parts). */
export function prepareData(
  config: Pick<TrainConfig, 'scaling' | 'trainFraction' | 'seed' | 'validationFraction'>,
  dataset: SessionOptions['dataset']
): { train: PreparedSplit; validation?: PreparedSplit; test: PreparedSplit; background: number } {
  // Fitted on the whole train split, as Explore and evaluation compute it.
  const table = fittedScalingTable(config.scaling, dataset.train.images)
  const test = prepareSplit(dataset.test, table)
  const background = table[0]!
  const fraction = config.validationFraction ?? 0
  if (fraction <= 0) {
    const rows = trainRows(dataset.train.count, config.trainFraction, config.seed)
    return { train: prepareSplit(dataset.train, table, rows), test, background }
  }
  // Validation is carved first, so every train fraction of a learning curve is
  // judged on the same held-out images; the fraction then picks from what is left.
  const split = stratifiedSplit(dataset.train.labels, fraction, config.seed)
  const picked = trainRows(split.train.length, config.trainFraction, config.seed)
  const rows = picked ? Int32Array.from(picked, (i) => split.train[i]!) : split.train
  return {
    train: prepareSplit(dataset.train, table, rows),
    validation: prepareSplit(dataset.train, table, split.validation),
    test,
    background
  }
}

/**
 * A sentence for the run record (English, for the CLI and older readers) and
 * its catalogue message, so the app words it in the user's language; memory
 * exhaustion gets its own advice. The reason itself is the library's own words.
 */
export function failureMessage(error: unknown): Required<WordedMessage> {
  const full = error instanceof Error ? error.message : String(error)
  const reason = full.split('\n')[0]!
  if (
    /out of memory|memory access out of bounds|allocation failed|cannot enlarge memory|oom|maximum memory/i.test(
      full
    )
  ) {
    return {
      message: `Training ran out of memory (${reason}). Use a smaller batch size or model, or train on fewer samples.`,
      text: { key: 'train.outcome.outOfMemory', params: { reason } }
    }
  }
  return {
    message: `Training failed: ${reason}`,
    text: { key: 'train.outcome.failed', params: { reason } }
  }
}
