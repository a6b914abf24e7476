import { describe, expect, it } from 'vitest'
import { initialEarlyStoppingState, observeEpoch, type EarlyStoppingState } from './early-stopping'

function replay(
  losses: number[],
  patience: number | null
): { state: EarlyStoppingState; stoppedAfter: number | null } {
  let state = initialEarlyStoppingState
  for (let i = 0; i < losses.length; i++) {
    const verdict = observeEpoch(state, i + 1, losses[i]!, patience)
    state = verdict.state
    if (verdict.stop) return { state, stoppedAfter: i + 1 }
  }
  return { state, stoppedAfter: null }
}

describe('observeEpoch', () => {
  it('stops once patience epochs pass without a lower validation loss', () => {
    const { state, stoppedAfter } = replay([0.9, 0.5, 0.6, 0.55, 0.7, 0.4], 2)
    expect(stoppedAfter).toBe(5)
    expect(state.bestEpoch).toBe(2)
    expect(state.bestLoss).toBe(0.5)
  })

  it('counts a plateau against patience, and patience 0 stops at the first non-improving epoch', () => {
    expect(replay([0.5, 0.5], 0).stoppedAfter).toBe(2)
    expect(replay([0.5, 0.4, 0.3], 0).stoppedAfter).toBeNull()
  })

  it('tracks the best epoch without stopping when no patience is set', () => {
    const { state, stoppedAfter } = replay([0.9, 0.3, 0.8, 0.9, 1.0], null)
    expect(stoppedAfter).toBeNull()
    expect(state.bestEpoch).toBe(2)
  })

  it('resumes from a saved state to the same decision', () => {
    const losses = [0.9, 0.5, 0.6, 0.55, 0.7, 0.4]
    const whole = replay(losses, 2)
    // Interrupted after epoch 3: the state round-trips through JSON, as in the checkpoint.
    let state = replay(losses.slice(0, 3), 2).state
    state = JSON.parse(JSON.stringify(state)) as EarlyStoppingState
    let stoppedAfter: number | null = null
    for (let epoch = 4; epoch <= losses.length && stoppedAfter === null; epoch++) {
      const verdict = observeEpoch(state, epoch, losses[epoch - 1]!, 2)
      state = verdict.state
      if (verdict.stop) stoppedAfter = epoch
    }
    expect(stoppedAfter).toBe(whole.stoppedAfter)
    expect(state).toEqual(whole.state)
  })

  it('never counts a NaN loss as an improvement', () => {
    expect(observeEpoch(initialEarlyStoppingState, 1, NaN, 3).improved).toBe(false)
  })
})
