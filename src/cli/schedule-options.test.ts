import { describe, expect, it } from 'vitest'
import { UsageError } from './options'
import { scheduleFromOptions } from './schedule-options'
import { configFromOptions } from './train-options'

describe('schedule options', () => {
  it('reads a schedule with its parameters and names the option that is wrong', () => {
    expect(configFromOptions({ dataset: 'mnist' }).schedule).toBeUndefined()
    expect(
      configFromOptions({ dataset: 'mnist', schedule: 'cosine', warmup: '1' }).schedule
    ).toEqual({
      kind: 'cosine',
      warmupEpochs: 1,
      minFactor: 0
    })
    expect(scheduleFromOptions({ schedule: 'step', 'step-every': '2', gamma: '0.1' })).toEqual({
      kind: 'step',
      everyEpochs: 2,
      gamma: 0.1
    })
    expect(() => scheduleFromOptions({ schedule: 'linear' })).toThrow(
      new UsageError('--schedule must be one of constant, step, cosine, onecycle, not "linear".')
    )
    expect(() => scheduleFromOptions({ schedule: 'cosine', gamma: '0.5' })).toThrow(
      '--gamma belongs to --schedule step, not cosine.'
    )
    expect(() => scheduleFromOptions({ schedule: 'step', gamma: '2' })).toThrow(/^--gamma: /)
    expect(() => scheduleFromOptions({ warmup: '1' })).toThrow(UsageError)
  })
})
