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
   * The metrics of every epoch up to this one. The host writes run.json after
   * the engine reports an epoch, and may fall behind by more than one epoch:
   * when a crash cuts it off there, the host takes the epochs run.json lacks
   * from here, so the record and the checkpoint agree again.
   */
  epochs?: EpochMetrics[]
  /** Older checkpoints (before `epochs`): the metrics of that epoch alone. */
  metrics?: EpochMetrics
  /** Runs with a validation split: which epoch was best so far (absent in older checkpoints). */
  earlyStopping?: EarlyStoppingState
  /** Shapes of the best epoch's weights in best-weights.bin, when early stopping keeps them. */
  bestWeightShapes?: number[][]
}

/** The epochs a checkpoint holds the metrics of, in order (older checkpoints hold only their last). */
export function checkpointedEpochs(progress: CheckpointProgress): EpochMetrics[] {
  return progress.epochs ?? (progress.metrics ? [progress.metrics] : [])
}
