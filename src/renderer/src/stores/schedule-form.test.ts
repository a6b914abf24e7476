import { describe, expect, it } from 'vitest'
import { defaultScheduleDraft, parseScheduleDraft, scheduleDraftOf } from './schedule-form'

describe('the schedule fields of the Train form', () => {
  it('reads the chosen kind with its own parameters only', () => {
    const errors = {}
    const draft = {
      ...defaultScheduleDraft(),
      kind: 'cosine' as const,
      warmupEpochs: '0.5',
      gamma: 'x'
    }
    expect(parseScheduleDraft(draft, errors)).toEqual({
      kind: 'cosine',
      warmupEpochs: 0.5,
      minFactor: 0
    })
    expect(errors).toEqual({})
  })

  it('names the field that is out of range or empty', () => {
    const errors: Record<string, string> = {}
    const draft = {
      ...defaultScheduleDraft(),
      kind: 'step' as const,
      gamma: '1.5',
      everyEpochs: ''
    }
    expect(parseScheduleDraft(draft, errors)).toBeNull()
    expect(Object.keys(errors).sort()).toEqual(['schedule.everyEpochs', 'schedule.gamma'])
    expect(errors['schedule.gamma']).toBe('Decay factor must be at most 1.')
    expect(errors['schedule.everyEpochs']).toBe('Decay interval: enter a number.')
  })

  it('shows a recorded schedule as it was set, and an old run as constant', () => {
    const draft = scheduleDraftOf({ kind: 'onecycle', rampShare: 0.25, divFactor: 10 })
    expect(draft).toMatchObject({ kind: 'onecycle', rampShare: '0.25', divFactor: '10' })
    expect(parseScheduleDraft(draft, {})).toEqual({
      kind: 'onecycle',
      rampShare: 0.25,
      divFactor: 10
    })
    expect(scheduleDraftOf(undefined).kind).toBe('constant')
  })
})
