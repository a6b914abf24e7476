/**
 * The learning rate of a schedule at one optimizer step: a pure function, so the
 * engine, the Train form's preview and the tests all draw the same curve. The
 * position is the count of steps already taken, which the checkpoint keeps, so a
 * resumed run continues the curve where it stopped.
 */
import type { Schedule } from './contract/schedule'
import type { LabErrorText } from './errors'

/** fastai's and PyTorch's OneCycle end far below the start: start / 1e4. */
const oneCycleFinalDivisor = 1e4

export interface ScheduleShape {
  /** The configured learning rate: the plateau, the peak of one-cycle. */
  baseRate: number
  stepsPerEpoch: number
  epochs: number
}

/** The rate for the step after `stepsTaken` steps (0 for the first step of the run). */
export function learningRateAt(
  schedule: Schedule,
  shape: ScheduleShape,
  stepsTaken: number
): number {
  const { baseRate, stepsPerEpoch } = shape
  const totalSteps = Math.max(1, shape.epochs * stepsPerEpoch)
  const step = Math.min(Math.max(0, stepsTaken), totalSteps - 1)
  switch (schedule.kind) {
    case 'constant':
      return baseRate
    case 'step':
      return baseRate * schedule.gamma ** Math.floor(step / (schedule.everyEpochs * stepsPerEpoch))
    case 'cosine': {
      const warmupSteps = Math.round(schedule.warmupEpochs * stepsPerEpoch)
      // (step + 1): the first step already moves, and the last warm-up step reaches the rate.
      if (step < warmupSteps) return (baseRate * (step + 1)) / warmupSteps
      const floor = baseRate * schedule.minFactor
      const progress = (step - warmupSteps) / Math.max(1, totalSteps - 1 - warmupSteps)
      return cosineBetween(baseRate, floor, progress)
    }
    case 'onecycle': {
      const start = baseRate / schedule.divFactor
      const end = start / oneCycleFinalDivisor
      const peakStep = Math.max(1, Math.round(schedule.rampShare * totalSteps) - 1)
      if (step <= peakStep) return cosineBetween(start, baseRate, step / peakStep)
      return cosineBetween(
        baseRate,
        end,
        (step - peakStep) / Math.max(1, totalSteps - 1 - peakStep)
      )
    }
  }
}

/** Half a cosine from `from` (progress 0) to `to` (progress 1). */
function cosineBetween(from: number, to: number, progress: number): number {
  return to + ((from - to) * (1 + Math.cos(Math.PI * Math.min(1, progress)))) / 2
}

/** The rate at every step of the run, for a preview plot (`points` samples at most). */
export function scheduleCurve(
  schedule: Schedule,
  shape: ScheduleShape,
  points = 200
): { step: number; rate: number }[] {
  const totalSteps = Math.max(1, shape.epochs * shape.stepsPerEpoch)
  const stride = Math.max(1, Math.ceil(totalSteps / points))
  const curve: { step: number; rate: number }[] = []
  for (let step = 0; step < totalSteps; step += stride) {
    curve.push({ step, rate: learningRateAt(schedule, shape, step) })
  }
  const last = totalSteps - 1
  if (curve.at(-1)!.step !== last)
    curve.push({ step: last, rate: learningRateAt(schedule, shape, last) })
  return curve
}

/**
 * A schedule in a few words, as the renderer's catalogue message and its values
 * (`count` counts the epochs the words are about, for the plural).
 */
export function scheduleText(schedule: Schedule | undefined): LabErrorText {
  const s = schedule ?? { kind: 'constant' as const }
  const key = `tune.schedule.describe.${s.kind}`
  switch (s.kind) {
    case 'constant':
      return { key }
    case 'step':
      return { key, params: { gamma: s.gamma, count: s.everyEpochs } }
    case 'cosine':
      return { key, params: { count: s.warmupEpochs, minFactor: s.minFactor } }
    case 'onecycle':
      return { key, params: { divFactor: s.divFactor, rampPercent: Math.round(s.rampShare * 100) } }
  }
}
