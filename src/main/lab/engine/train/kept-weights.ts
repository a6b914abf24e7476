/**
 * For a run with a validation split: which epoch is best by validation loss, a
 * copy of that epoch's weights, and whether early stopping ends the run. The
 * session asks it after each epoch and, at the end, for the weights to keep.
 */
import * as tf from '@tensorflow/tfjs'
import type { EarlyStopping } from '../../../../shared/contract'
import { initialEarlyStoppingState, observeEpoch, type EarlyStoppingState } from './early-stopping'

export class KeptWeights {
  private best: tf.Tensor[] | null = null

  constructor(
    private readonly earlyStopping: EarlyStopping | undefined,
    private stateValue: EarlyStoppingState = initialEarlyStoppingState,
    bestWeights: tf.Tensor[] | null = null
  ) {
    this.best = bestWeights
  }

  get state(): EarlyStoppingState {
    return this.stateValue
  }

  /** The best epoch's weights, while they differ from the model's latest (for the checkpoint). */
  get bestWeights(): tf.Tensor[] | null {
    return this.best
  }

  /** Judges an epoch; returns 'stop' when patience has run out. */
  observe(model: tf.LayersModel, epoch: number, validationLoss: number): 'stop' | undefined {
    const verdict = observeEpoch(
      this.stateValue,
      epoch,
      validationLoss,
      this.earlyStopping?.patience ?? null
    )
    this.stateValue = verdict.state
    // Only early stopping restores the best epoch, so only then is a copy worth keeping.
    if (verdict.improved && this.earlyStopping) {
      tf.dispose(this.best ?? [])
      this.best = model.getWeights().map((w) => w.clone())
    }
    return verdict.stop ? 'stop' : undefined
  }

  /** Puts the weights the run keeps into the model: the best epoch's under early stopping. */
  restoreInto(model: tf.LayersModel): void {
    if (this.best) model.setWeights(this.best)
  }

  dispose(): void {
    tf.dispose(this.best ?? [])
    this.best = null
  }
}
