/**
 * Which epoch was best, judged by validation loss, and whether patience has run
 * out. Pure state, so the checkpoint can carry it and a resumed run stops after
 * the same epoch as an uninterrupted one.
 */
export interface EarlyStoppingState {
  bestEpoch: number | null
  bestLoss: number | null
  /** Epochs since the best one. */
  epochsWithoutImprovement: number
}

export const initialEarlyStoppingState: EarlyStoppingState = {
  bestEpoch: null,
  bestLoss: null,
  epochsWithoutImprovement: 0
}

export interface EarlyStoppingVerdict {
  state: EarlyStoppingState
  /** This epoch has the lowest validation loss so far: its weights are the ones to keep. */
  improved: boolean
  /** Patience has run out (never true without a patience). */
  stop: boolean
}

/**
 * Folds one epoch's validation loss in. A loss must be strictly lower to count
 * as better, so a plateau uses up patience. A NaN loss never improves.
 */
export function observeEpoch(
  state: EarlyStoppingState,
  epoch: number,
  validationLoss: number,
  patience: number | null
): EarlyStoppingVerdict {
  const improved =
    Number.isFinite(validationLoss) && (state.bestLoss === null || validationLoss < state.bestLoss)
  const next: EarlyStoppingState = improved
    ? { bestEpoch: epoch, bestLoss: validationLoss, epochsWithoutImprovement: 0 }
    : { ...state, epochsWithoutImprovement: state.epochsWithoutImprovement + 1 }
  return {
    state: next,
    improved,
    stop: patience !== null && next.epochsWithoutImprovement > patience
  }
}
