import { describe, expect, it } from 'vitest'
import { listOption, numberOption, requiredPositional, stringOption, UsageError } from './options'

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
})
