import { describe, expect, it } from 'vitest'
import { listOption, numberOption, requiredPositional, stringOption, UsageError } from './options'
import { configFromOptions } from './commands/train'
import { scheduleFromOptions } from './schedule-options'

describe('CLI options', () => {
  it('names a missing positional argument as a usage error', () => {
    expect(requiredPositional(['mnist'], 0, 'the dataset')).toBe('mnist')
    expect(() => requiredPositional([], 0, 'the dataset')).toThrow(UsageError)
    expect(() => requiredPositional([' '], 0, 'the dataset')).toThrow('Name the dataset.')
  })

  it('reads strings, comma lists and numbers, and refuses a number that is not one', () => {
    const values = { name: 'Digits', classes: ' a, b,,c ', lr: '0.01', flag: true, bad: '1e' }
    expect(stringOption(values, 'name')).toBe('Digits')
    expect(stringOption(values, 'flag')).toBeUndefined()
    expect(listOption(values, 'classes')).toEqual(['a', 'b', 'c'])
    expect(listOption(values, 'missing')).toBeUndefined()
    expect(numberOption(values, 'lr', 1)).toBe(0.01)
    expect(numberOption(values, 'missing', 7)).toBe(7)
    expect(() => numberOption(values, 'bad', 1)).toThrow(
      new UsageError('--bad must be a number, not "1e".')
    )
  })

  it('turns a bad train command line into usage errors, not lab failures', () => {
    expect(() => configFromOptions({})).toThrow(UsageError)
    expect(() => configFromOptions({ dataset: 'mnist', optimizer: 'lbfgs' })).toThrow(UsageError)
    expect(() => configFromOptions({ dataset: 'mnist', hidden: '64,x' })).toThrow(
      '--hidden takes whole numbers'
    )
    const config = configFromOptions({ dataset: 'mnist', hidden: '32, 16', dropout: '0.2' })
    expect(config.model).toEqual({
      kind: 'mlp',
      hidden: [
        { units: 32, activation: 'relu', dropout: 0.2 },
        { units: 16, activation: 'relu', dropout: 0.2 }
      ]
    })
  })

  it('reads a schedule with its parameters and names the option that is wrong', () => {
    expect(configFromOptions({ dataset: 'mnist' }).schedule).toEqual({ kind: 'constant' })
    expect(scheduleFromOptions({ schedule: 'cosine', warmup: '1' })).toEqual({
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
