/**
 * What a run folder holds beside the model files (model-files.ts), named once:
 * the host reads and repairs it, the engine core writes checkpoint/ through it.
 */
import type { EpochMetrics } from '../../../shared/contract'
import type { EarlyStoppingState } from '../engine/train/early-stopping'

export { checkpointFolder, modelFolder } from './model-files'

export const runFileName = 'run.json'
export const progressFileName = 'progress.json'

/** checkpoint/progress.json */
export interface CheckpointProgress {
  /** Epochs completed when the checkpoint was written. */
  epoch: number
  /** Optimizer steps taken. */
  steps: number
  /**
   * The metrics of that epoch. The engine is cut off at the worst moment after
   * the checkpoint is in place but before run.json has the epoch; the host then
   * takes them from here, so the record and the checkpoint agree again.
   */
  metrics?: EpochMetrics
  /** Runs with a validation split: which epoch was best so far (absent in older checkpoints). */
  earlyStopping?: EarlyStoppingState
  /** Shapes of the best epoch's weights in best-weights.bin, when early stopping keeps them. */
  bestWeightShapes?: number[][]
}
