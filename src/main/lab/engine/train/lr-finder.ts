/**
 * The learning-rate range test (Smith 2015, as fastai's lr_find runs it): one
 * step per batch with the rate rising exponentially, the loss smoothed by a
 * bias-corrected moving average, stopping once it passes a multiple of its
 * minimum. It trains a model of its own, built from the config with the run's
 * seed and disposed afterwards, so a run started later begins from exactly the
 * weights the sweep started from. It steps through training batches only.
 */
import * as tf from '@tensorflow/tfjs'
import {
  lrFinderLimits,
  type BackendName,
  type LrFindParams,
  type LrFindResult,
  type LrPoint
} from '../../../../shared/contract'
import { BatchGatherer, epochOrder, type PreparedSplit } from '../data/batches'
import { buildModel } from '../model/model'
import { mixSeed } from '../rng'
import { chooseStep } from '../step/choice'
import { valueOf } from '../step/loss'
import { buildStep } from '../step/plan'
import { runStep } from './loop'

/** fastai's smoothing: the average remembers about 50 steps. */
const smoothingBeta = 0.98
/** The first steps barely move the weights, so their slope is noise. */
const skipStart = 5

/** The rate at sweep step i of n: start at 0, end at n-1, evenly spaced in log. */
export function sweepRate(i: number, steps: number, start: number, end: number): number {
  return start * (end / start) ** (i / Math.max(1, steps - 1))
}

/** An exponential moving average divided by (1 - beta^n), so early values are not pulled to 0. */
export class SmoothedLoss {
  private average = 0
  private count = 0

  constructor(private readonly beta = smoothingBeta) {}

  add(loss: number): number {
    this.count++
    this.average = this.beta * this.average + (1 - this.beta) * loss
    return this.average / (1 - this.beta ** this.count)
  }
}

/**
 * The steepest descent of the smoothed loss against log rate (before its
 * minimum), and a tenth of the rate at the minimum. The smaller is suggested.
 */
export function suggestRates(
  points: readonly LrPoint[]
): Pick<LrFindResult, 'steepestRate' | 'minLossRate' | 'suggestion' | 'reason' | 'reasonText'> {
  if (points.length < 3) throw new Error('The sweep needs at least 3 points to suggest a rate.')
  let minIndex = 0
  points.forEach((p, i) => {
    if (p.smoothedLoss < points[minIndex]!.smoothedLoss) minIndex = i
  })
  const minLossRate = points[minIndex]!.rate / 10
  const from = Math.min(skipStart, Math.max(0, minIndex - 2))
  let steepest = from
  let steepestSlope = Infinity
  for (let i = Math.max(1, from); i <= Math.min(minIndex, points.length - 2); i++) {
    const before = points[i - 1]!
    const after = points[i + 1]!
    const slope =
      (after.smoothedLoss - before.smoothedLoss) /
      (Math.log10(after.rate) - Math.log10(before.rate))
    if (slope < steepestSlope) {
      steepestSlope = slope
      steepest = i
    }
  }
  const steepestRate = points[steepest]!.rate
  const suggestion = Math.min(steepestRate, minLossRate)
  const fmt = (rate: number): string => rate.toPrecision(2)
  const reason =
    `The loss falls fastest at ${fmt(steepestRate)} and is lowest at ${fmt(points[minIndex]!.rate)}; ` +
    `a tenth of that is ${fmt(minLossRate)}. ${fmt(suggestion)} is the smaller of the two: ` +
    `fast learning, yet well below the rates where the loss turns up.`
  const reasonText = {
    key: 'tune.finder.reason',
    params: {
      steepest: steepestRate,
      lowest: points[minIndex]!.rate,
      tenth: minLossRate,
      suggestion
    }
  }
  return { steepestRate, minLossRate, suggestion, reason, reasonText }
}

export interface LrSweepOptions {
  params: LrFindParams
  train: PreparedSplit
  classes: number
  /** The backend the engine runs on: the step is built as training builds it. */
  backend: BackendName
  onPoint(point: LrPoint): void
  /** Checked between steps: true ends the sweep early (the caller went away). */
  cancelled?: () => boolean
}

export async function runLrSweep(options: LrSweepOptions): Promise<LrFindResult> {
  const { params, train, classes } = options
  const { config, startRate, endRate, steps } = params
  if (train.count === 0) throw new Error('The training split is empty: nothing to sweep over.')
  const model = buildModel(config.model, config.seed, train.inputSize, classes)
  const { gradients: step, optimizer } = await buildStep(
    chooseStep(config.model.kind, options.backend),
    config.model,
    model,
    {
      l2: config.l2,
      optimizer: { name: config.optimizer, learningRate: startRate, momentum: config.momentum }
    }
  )
  const gatherer = new BatchGatherer(train, config.batchSize, step.kind === 'fast-mlp')
  const batchesPerEpoch = Math.ceil(train.count / config.batchSize)
  const smoother = new SmoothedLoss()
  const points: LrPoint[] = []
  let best = Infinity
  let stoppedEarly = false
  let lastYield = performance.now()
  try {
    for (let i = 0; i < steps && !options.cancelled?.(); i++) {
      const epoch = 1 + Math.floor(i / batchesPerEpoch)
      const batch = i % batchesPerEpoch
      const order = epochOrder(train.count, config.shuffle, config.seed, epoch)
      const b = gatherer.gather(order, batch * config.batchSize)
      const rate = sweepRate(i, steps, startRate, endRate)
      optimizer.setLearningRate(rate)
      const result = await runStep(step, b, mixSeed(config.seed, 0x1f, i))
      const loss = valueOf(result.loss)
      if (Number.isFinite(loss)) optimizer.apply(result.grads)
      tf.dispose([result.correct, result.loss, ...result.grads])
      if (!Number.isFinite(loss)) {
        stoppedEarly = true
        break
      }
      const point = { step: i + 1, rate, loss, smoothedLoss: smoother.add(loss) }
      points.push(point)
      options.onPoint(point)
      best = Math.min(best, point.smoothedLoss)
      if (point.smoothedLoss > lrFinderLimits.divergeFactor * best) {
        stoppedEarly = true
        break
      }
      if (performance.now() - lastYield >= 8) {
        await new Promise<void>((resolve) => setImmediate(resolve))
        lastYield = performance.now()
      }
    }
  } finally {
    optimizer.dispose()
    model.dispose()
  }
  if (points.length < 3) {
    throw new Error(
      `The loss blew up after ${points.length} steps, before the sweep could say anything: start lower than ${startRate}.`
    )
  }
  return { points, ...suggestRates(points), stoppedEarly }
}
