/**
 * The training loop: batches, one gradient step each, running metrics (kept on
 * the device when the step leaves them there), an evaluation per epoch, and a yield to
 * the event loop between batches so pause and stop act at once. It reports
 * through callbacks and never touches IPC (STYLE.md, Engine).
 */
import * as tf from '@tensorflow/tfjs'
import type { BatchEvent, EpochMetrics } from '../../../../shared/contract'
import { BatchGatherer, epochOrder, type Batch, type PreparedSplit } from '../data/batches'
import type { ParallelStep } from '../parallel/step-pool'
import type { TrainingControl } from './control'
import { EpochTotals } from './epoch-totals'
import {
  crossEntropy,
  correctCount,
  readValue,
  type GradientStep,
  type StepGradients
} from '../step/loss'
import type { Optimizer } from '../step/optimizers'
import { mixSeed } from '../rng'
import { trainPassSet } from '../evaluate/train-pass'
import { predictionStrip } from '../evaluate/prediction-strip'
import { epochDiagnostics } from '../overfit/diagnostics'
import { learningRateAt } from '../../../../shared/schedule'
import type { Schedule } from '../../../../shared/contract'
import type { RowTransform } from '../data/augment'

export interface LoopSettings {
  epochs: number
  batchSize: number
  shuffle: boolean
  seed: number
  l2: number
  /** The schedule's base rate; absent: the optimizer's own rate. */
  learningRate?: number
  /** Absent: the rate stays constant. */
  schedule?: Schedule
}

export interface LoopProgress {
  /** Epochs already done (a resumed run starts after its checkpoint). */
  epochsDone: number
  /** Optimizer steps already taken. */
  steps: number
}

export interface LoopCallbacks {
  onBatch(event: Omit<BatchEvent, 'runId'>): void
  /**
   * Awaited: the caller writes the checkpoint before the next epoch starts.
   * 'stop' ends the run after this epoch as completed (early stopping).
   */
  onEpoch(metrics: EpochMetrics): Promise<void | 'stop'>
  onPause?(): void
  onResume?(): void
}

export type LoopOutcome =
  | { status: 'completed' | 'stopped'; epochsDone: number; stoppedEarly?: boolean }
  | { status: 'diverged'; epochsDone: number; message: string }

/** Batch events at most this often (the UI wants a few per second, not hundreds). */
const batchEventIntervalMs = 100
const evaluationChunk = 1000
/** The longest the loop runs without letting other events in (pause, stop, requests). */
const yieldIntervalMs = 8

export const divergedMessage =
  'The loss became NaN or infinite, so training stopped. Lower the learning rate (try a tenth of it) or scale the inputs.'

/**
 * One step on a gathered batch: the step pool takes the host arrays as they are,
 * the in-process steps get them uploaded (and freed again here).
 */
/** One gradient step on a gathered batch, in process or on the step pool. */
export async function runStep(
  step: GradientStep | ParallelStep,
  b: Batch,
  dropoutSeed: number
): Promise<StepGradients> {
  if (step.kind === 'parallel') return step.gradients({ ...b, dropoutSeed })
  const width = b.x.length / b.size
  const x = tf.tensor2d(b.x, [b.size, width])
  const xT = b.xT ? tf.tensor2d(b.xT, [width, b.size]) : undefined
  try {
    return step.gradients({ x, ...(xT ? { xT } : {}), labels: b.labels, dropoutSeed })
  } finally {
    tf.dispose([x, ...(xT ? [xT] : [])])
  }
}

/** Everything one run of the loop needs; the loop owns none of it. */
export interface LoopOptions {
  model: tf.LayersModel
  step: GradientStep | ParallelStep
  optimizer: Optimizer
  /**
   * With a validation split, each epoch is judged on it and test waits for the
   * end (the caller evaluates it once); without one, test stands in each epoch.
   */
  data: { train: PreparedSplit; validation?: PreparedSplit; test: PreparedSplit; classes: number }
  /** Transforms each gathered training row (augmentation); absent: rows as they are. */
  augment?: RowTransform | null
  settings: LoopSettings
  progress: LoopProgress
  control: TrainingControl
  callbacks: LoopCallbacks
}

export async function trainLoop(options: LoopOptions): Promise<LoopOutcome> {
  const { model, step, optimizer, data, settings, progress, control, callbacks } = options
  const { train } = data
  const batchesPerEpoch = Math.ceil(train.count / settings.batchSize)
  // Only the fast MLP path uses the transposed batch (for its first weight gradient).
  const transposed = step.kind === 'fast-mlp'
  // Two gatherers, so the next batch can be gathered (and augmented) while a step
  // pool computes the current one, without overwriting the batch that step holds.
  const gatherers = [0, 1].map(
    () => new BatchGatherer(train, settings.batchSize, transposed, options.augment ?? null)
  )
  const gather = (order: Int32Array, batch: number, epoch: number): Batch =>
    gatherers[batch % 2]!.gather(order, batch * settings.batchSize, epoch)
  const measuredSet = trainPassSet(train, settings.seed)
  let lastYield = performance.now()
  let steps = progress.steps
  let lastBatchEvent = -Infinity
  const schedule = settings.schedule ?? { kind: 'constant' }
  const scheduleShape = {
    baseRate: settings.learningRate ?? optimizer.learningRate,
    stepsPerEpoch: batchesPerEpoch,
    epochs: settings.epochs
  }

  for (let epoch = progress.epochsDone + 1; epoch <= settings.epochs; epoch++) {
    const order = epochOrder(train.count, settings.shuffle, settings.seed, epoch)
    const started = performance.now()
    let pausedMs = 0
    const totals = new EpochTotals()
    let seen = 0
    try {
      let b = gather(order, 0, epoch)
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        const pauseStarted = performance.now()
        const go = await control.proceed(callbacks.onPause, callbacks.onResume)
        pausedMs += control.state === 'running' ? performance.now() - pauseStarted : 0
        if (!go) return { status: 'stopped', epochsDone: epoch - 1 }

        // The step count (restored from the checkpoint) is the schedule's position.
        optimizer.setLearningRate(learningRateAt(schedule, scheduleShape, steps))
        steps++
        const pending = runStep(step, b, mixSeed(settings.seed, 0xd20, steps))
        // While a step pool's workers compute, this thread gathers (and augments)
        // the next batch instead of only waiting: with 2 workers augmentation's
        // cost fell from +27% to +17% of an epoch (bench/augment.ts, shared machine).
        // A gather depends only on the order, the position and the epoch, so the
        // batches are the same as gathered one at a time.
        const following = batch + 1 < batchesPerEpoch ? gather(order, batch + 1, epoch) : null
        const result = await pending
        optimizer.apply(result.grads)
        totals.add(result, b.size)
        tf.dispose([result.correct, ...result.grads])
        seen += b.size

        const now = performance.now()
        if (steps === progress.steps + 1 || now - lastBatchEvent >= batchEventIntervalMs) {
          lastBatchEvent = now
          const loss = await readValue(result.loss)
          if (!Number.isFinite(loss)) {
            tf.dispose(result.loss)
            return { status: 'diverged', epochsDone: epoch - 1, message: divergedMessage }
          }
          const seconds = Math.max(1e-6, (now - started - pausedMs) / 1000)
          const rate = seen / seconds
          const remaining = (settings.epochs - epoch) * train.count + (train.count - seen)
          callbacks.onBatch({
            epoch,
            batch: batch + 1,
            batchesPerEpoch,
            step: steps,
            loss,
            samplesPerSecond: rate,
            etaSeconds: remaining / rate
          })
        }
        tf.dispose(result.loss)
        if (following) b = following
        // Lets pause, stop and other requests in between batches, at most every few
        // milliseconds: a turn of the event loop is not free, and a step can take less.
        if (now - lastYield >= yieldIntervalMs) {
          await nextTurn()
          lastYield = performance.now()
        }
      }
      const sums = await totals.read()
      const runningLoss = sums.loss / seen
      const runningAccuracy = sums.correct / seen
      const seconds = (performance.now() - started - pausedMs) / 1000
      if (!Number.isFinite(runningLoss)) {
        return { status: 'diverged', epochsDone: epoch - 1, message: divergedMessage }
      }
      // Outside the epoch's time: `seconds` stays the cost of training alone.
      const measured = await evaluate(model, measuredSet.split, data.classes)
      // Validation when the run has it; else the test split stands in (and says so).
      const checked = await evaluate(model, data.validation ?? data.test, data.classes)
      const next = await callbacks.onEpoch({
        epoch,
        trainLoss: measured.loss,
        trainAccuracy: measured.accuracy,
        trainMeasured: measuredSet.split.count,
        runningLoss,
        runningAccuracy,
        strip: await predictionStrip(model, data.test),
        diagnostics: await epochDiagnostics(
          model,
          (b) => runStep(step, b, 0),
          measuredSet.split,
          settings.batchSize
        ),
        ...(data.validation
          ? { validationLoss: checked.loss, validationAccuracy: checked.accuracy }
          : { testLoss: checked.loss, testAccuracy: checked.accuracy }),
        seconds,
        samplesPerSecond: seen / seconds,
        learningRate: optimizer.learningRate
      })
      if (next === 'stop') return { status: 'completed', epochsDone: epoch, stoppedEarly: true }
    } finally {
      totals.dispose()
    }
  }
  return { status: 'completed', epochsDone: settings.epochs }
}

/** Mean cross-entropy and accuracy of the model on a split, in chunks to bound memory. */
export async function evaluate(
  model: tf.LayersModel,
  split: PreparedSplit,
  classes: number
): Promise<{ loss: number; accuracy: number }> {
  if (split.count === 0) return { loss: NaN, accuracy: NaN }
  let lossSum = 0
  let correct = 0
  for (let start = 0; start < split.count; start += evaluationChunk) {
    const size = Math.min(evaluationChunk, split.count - start)
    const [loss, right] = tf.tidy(() => {
      const x = tf.tensor2d(
        split.x.subarray(start * split.inputSize, (start + size) * split.inputSize),
        [size, split.inputSize]
      )
      const labels = tf.tensor1d(
        Int32Array.from(split.labels.subarray(start, start + size)),
        'int32'
      )
      const logits = model.apply(x, { training: false }) as tf.Tensor2D
      const oneHot = tf.oneHot(labels, classes).toFloat() as tf.Tensor2D
      return [crossEntropy(logits, oneHot), correctCount(logits, labels)]
    })
    const [lossValue, rightValue] = await Promise.all([loss!.data(), right!.data()])
    lossSum += lossValue[0]! * size
    correct += rightValue[0]!
    tf.dispose([loss!, right!])
  }
  return { loss: lossSum / split.count, accuracy: correct / split.count }
}

/**
 * One turn of the event loop. Node has setImmediate; a browser page (the GPU
 * engine) has not, and there setTimeout(0) is the nearest.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)
  )
}
