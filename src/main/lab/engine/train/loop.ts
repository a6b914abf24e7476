/**
 * The training loop: batches, one gradient step each, running metrics (kept on
 * the device when the step leaves them there), an evaluation per epoch, and a yield to
 * the event loop between batches so pause and stop act at once. It reports
 * through callbacks and never touches IPC (STYLE.md, Engine).
 */
import * as tf from '@tensorflow/tfjs'
import type { BatchEvent, EpochMetrics } from '../../../../shared/contract'
import { BatchGatherer, epochOrder, type PreparedSplit } from '../data/batches'
import type { TrainingControl } from './control'
import { EpochTotals } from './epoch-totals'
import { crossEntropy, correctCount, valueOf, type GradientStep } from '../step/loss'
import type { Optimizer } from '../step/optimizers'
import { mixSeed } from '../rng'
import { trainPassSet } from '../evaluate/train-pass'
import { predictionStrip } from '../evaluate/prediction-strip'
import { epochDiagnostics } from '../overfit/diagnostics'

export interface LoopSettings {
  epochs: number
  batchSize: number
  shuffle: boolean
  seed: number
  l2: number
}

export interface LoopProgress {
  /** Epochs already done (a resumed run starts after its checkpoint). */
  epochsDone: number
  /** Optimizer steps already taken. */
  steps: number
}

export interface LoopCallbacks {
  onBatch(event: Omit<BatchEvent, 'runId'>): void
  /** Awaited: the caller writes the checkpoint before the next epoch starts. */
  onEpoch(metrics: EpochMetrics): Promise<void>
  onPause?(): void
  onResume?(): void
}

export type LoopOutcome =
  | { status: 'completed' | 'stopped'; epochsDone: number }
  | { status: 'diverged'; epochsDone: number; message: string }

/** Batch events at most this often (the UI wants a few per second, not hundreds). */
const batchEventIntervalMs = 100
const evaluationChunk = 1000
/** The longest the loop runs without letting other events in (pause, stop, requests). */
const yieldIntervalMs = 8

export const divergedMessage =
  'The loss became NaN or infinite, so training stopped. Lower the learning rate (try a tenth of it) or scale the inputs.'

/** Everything one run of the loop needs; the loop owns none of it. */
export interface LoopOptions {
  model: tf.LayersModel
  step: GradientStep
  optimizer: Optimizer
  data: { train: PreparedSplit; test: PreparedSplit; classes: number }
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
  const gatherer = new BatchGatherer(train, settings.batchSize, transposed)
  const measuredSet = trainPassSet(train, settings.seed)
  let lastYield = performance.now()
  let steps = progress.steps
  let lastBatchEvent = -Infinity

  for (let epoch = progress.epochsDone + 1; epoch <= settings.epochs; epoch++) {
    const order = epochOrder(train.count, settings.shuffle, settings.seed, epoch)
    const started = performance.now()
    let pausedMs = 0
    const totals = new EpochTotals()
    let seen = 0
    try {
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        const pauseStarted = performance.now()
        const go = await control.proceed(callbacks.onPause, callbacks.onResume)
        pausedMs += control.state === 'running' ? performance.now() - pauseStarted : 0
        if (!go) return { status: 'stopped', epochsDone: epoch - 1 }

        const b = gatherer.gather(order, batch * settings.batchSize)
        steps++
        const x = tf.tensor2d(b.x, [b.size, train.inputSize])
        const xT = b.xT ? tf.tensor2d(b.xT, [train.inputSize, b.size]) : undefined
        const result = step.gradients({
          x,
          ...(xT ? { xT } : {}),
          labels: b.labels,
          dropoutSeed: mixSeed(settings.seed, 0xd20, steps)
        })
        optimizer.apply(result.grads)
        totals.add(result, b.size)
        tf.dispose([x, ...(xT ? [xT] : []), result.correct, ...result.grads])
        seen += b.size

        const now = performance.now()
        if (steps === progress.steps + 1 || now - lastBatchEvent >= batchEventIntervalMs) {
          lastBatchEvent = now
          const loss = valueOf(result.loss)
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
        // Lets pause, stop and other requests in between batches, at most every few
        // milliseconds: a turn of the event loop is not free, and a step can take less.
        if (now - lastYield >= yieldIntervalMs) {
          await new Promise<void>((resolve) => setImmediate(resolve))
          lastYield = performance.now()
        }
      }
      const sums = totals.read()
      const runningLoss = sums.loss / seen
      const runningAccuracy = sums.correct / seen
      const seconds = (performance.now() - started - pausedMs) / 1000
      if (!Number.isFinite(runningLoss)) {
        return { status: 'diverged', epochsDone: epoch - 1, message: divergedMessage }
      }
      // Outside the epoch's time: `seconds` stays the cost of training alone.
      const measured = evaluate(model, measuredSet.split, data.classes)
      const test = evaluate(model, data.test, data.classes)
      await callbacks.onEpoch({
        epoch,
        trainLoss: measured.loss,
        trainAccuracy: measured.accuracy,
        trainMeasured: measuredSet.split.count,
        runningLoss,
        runningAccuracy,
        strip: predictionStrip(model, data.test),
        diagnostics: epochDiagnostics(model, step, measuredSet.split),
        testLoss: test.loss,
        testAccuracy: test.accuracy,
        seconds,
        samplesPerSecond: seen / seconds
      })
    } finally {
      totals.dispose()
    }
  }
  return { status: 'completed', epochsDone: settings.epochs }
}

/** Mean cross-entropy and accuracy of the model on a split, in chunks to bound memory. */
export function evaluate(
  model: tf.LayersModel,
  split: PreparedSplit,
  classes: number
): { loss: number; accuracy: number } {
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
    lossSum += loss!.dataSync()[0]! * size
    correct += right!.dataSync()[0]!
    tf.dispose([loss!, right!])
  }
  return { loss: lossSum / split.count, accuracy: correct / split.count }
}
