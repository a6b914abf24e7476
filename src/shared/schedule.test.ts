import { describe, expect, it } from 'vitest'
import { scheduleDefaults } from './contract/schedule'
import { learningRateAt, scheduleCurve, scheduleText } from './schedule'

/** Rates for the first `n` steps. */
const rates = (...args: Parameters<typeof learningRateAt>): number[] =>
  Array.from({ length: args[1].epochs * args[1].stepsPerEpoch }, (_, i) =>
    learningRateAt(args[0], args[1], i)
  )

// Reference values printed by PyTorch 2 (torch.optim.lr_scheduler), one scheduler
// step per optimizer step, reading the rate before each step.
describe('learning-rate schedules against PyTorch', () => {
  it('one-cycle matches OneCycleLR(max_lr=0.1, total_steps=10, pct_start=0.3, div 25, final div 1e4, cos)', () => {
    const torch = [
      0.004, 0.052, 0.1, 0.09504846320134738, 0.0811745653949763, 0.06112620219362893,
      0.03887419780637107, 0.0188258346050237, 0.004951936798652629, 4e-7
    ]
    const ours = rates(
      { kind: 'onecycle', rampShare: 0.3, divFactor: 25 },
      { baseRate: 0.1, stepsPerEpoch: 5, epochs: 2 },
      0
    )
    ours.forEach((rate, i) => expect(rate).toBeCloseTo(torch[i]!, 12))
  })

  it('step decay matches StepLR(step_size=4, gamma=0.5) with 4 steps an epoch', () => {
    const torch = [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025]
    const shape = { baseRate: 0.1, stepsPerEpoch: 4, epochs: 3 }
    const ours = rates({ kind: 'step', everyEpochs: 1, gamma: 0.5 }, shape, 0).slice(0, 10)
    ours.forEach((rate, i) => expect(rate).toBeCloseTo(torch[i]!, 12))
  })

  it('cosine without warm-up matches CosineAnnealingLR(T_max=9, eta_min=0.01)', () => {
    const torch = [
      0.1, 0.09728616793536589, 0.08947199994035401, 0.0775, 0.06281416799501188,
      0.047185832004988146, 0.0325, 0.020528000059645994, 0.012713832064634126, 0.01
    ]
    const shape = { baseRate: 0.1, stepsPerEpoch: 5, epochs: 2 }
    const ours = rates({ kind: 'cosine', warmupEpochs: 0, minFactor: 0.1 }, shape, 0)
    ours.forEach((rate, i) => expect(rate).toBeCloseTo(torch[i]!, 12))
  })
})

describe('learningRateAt', () => {
  it('keeps a constant rate', () => {
    const shape = { baseRate: 0.003, stepsPerEpoch: 7, epochs: 3 }
    expect(new Set(rates(scheduleDefaults.constant, shape, 0))).toEqual(new Set([0.003]))
  })

  it('ramps up linearly over the warm-up epoch, then decays by a cosine to the floor', () => {
    const shape = { baseRate: 0.01, stepsPerEpoch: 4, epochs: 3 }
    const curve = rates({ kind: 'cosine', warmupEpochs: 1, minFactor: 0 }, shape, 0)
    expect(curve.slice(0, 4)).toEqual([0.0025, 0.005, 0.0075, 0.01])
    expect(curve[4]).toBeCloseTo(0.01, 12)
    expect(curve.at(-1)).toBeCloseTo(0, 12)
    for (let i = 5; i < curve.length; i++) expect(curve[i]!).toBeLessThan(curve[i - 1]!)
  })

  it('stays at the last rate past the end of the run (a run resumed with more epochs changes the shape, not this)', () => {
    const shape = { baseRate: 1, stepsPerEpoch: 2, epochs: 2 }
    const schedule = { kind: 'cosine', warmupEpochs: 0, minFactor: 0.5 } as const
    expect(learningRateAt(schedule, shape, 99)).toBe(learningRateAt(schedule, shape, 3))
  })

  it('continues the same curve from a saved position', () => {
    const shape = { baseRate: 0.05, stepsPerEpoch: 10, epochs: 4 }
    const whole = rates(scheduleDefaults.onecycle, shape, 0)
    // What a run resumed after epoch 2 asks for, with its step count from the checkpoint.
    const resumed = Array.from({ length: 20 }, (_, i) =>
      learningRateAt(scheduleDefaults.onecycle, shape, 20 + i)
    )
    expect(resumed).toEqual(whole.slice(20))
  })
})

describe('scheduleCurve', () => {
  it('samples at most the points asked for and always includes the last step', () => {
    const shape = { baseRate: 0.1, stepsPerEpoch: 47, epochs: 10 }
    const curve = scheduleCurve(scheduleDefaults.step, shape, 50)
    expect(curve.length).toBeLessThanOrEqual(51)
    expect(curve[0]).toEqual({ step: 0, rate: 0.1 })
    expect(curve.at(-1)).toEqual({ step: 469, rate: 0.1 * 0.5 ** 9 })
  })
})

describe('scheduleText', () => {
  it('names the catalogue message of each schedule with its values, and a run without one as constant', () => {
    expect(scheduleText(undefined)).toEqual({ key: 'tune.schedule.describe.constant' })
    expect(scheduleText(scheduleDefaults.cosine)).toEqual({
      key: 'tune.schedule.describe.cosine',
      params: { count: 1, minFactor: 0 }
    })
    expect(scheduleText({ kind: 'step', everyEpochs: 2, gamma: 0.1 })).toEqual({
      key: 'tune.schedule.describe.step',
      params: { gamma: 0.1, count: 2 }
    })
    expect(scheduleText(scheduleDefaults.onecycle)).toEqual({
      key: 'tune.schedule.describe.onecycle',
      params: { divFactor: 25, rampPercent: 30 }
    })
  })
})
