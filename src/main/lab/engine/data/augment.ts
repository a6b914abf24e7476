/**
 * Augmentation as the batch gatherer applies it: each gathered row is replaced
 * by its transformed copy, drawn from (seed, epoch, source row).
 */
import type { Augmentation } from '../../../../shared/contract'
import {
  drawAugmentation,
  imageSide,
  isIdentity,
  transformImage
} from '../../../../shared/augmentation'

/** Transforms one gathered row in place; `sourceRow` is its row in the prepared train split. */
export type RowTransform = (row: Float32Array, sourceRow: number, epoch: number) => void

/** The gatherer's hook for these settings, or null when they change nothing. */
export function augmentRows(
  settings: Augmentation | undefined,
  seed: number,
  inputSize: number,
  background: number
): RowTransform | null {
  if (!settings || isIdentity(settings)) return null
  if (inputSize !== imageSide * imageSide) {
    throw new Error(
      `Augmentation needs ${imageSide}x${imageSide} images; these have ${inputSize} values.`
    )
  }
  const scratch = new Float32Array(inputSize)
  return (row, sourceRow, epoch) => {
    scratch.set(row)
    transformImage(scratch, row, drawAugmentation(settings, seed, epoch, sourceRow), background)
  }
}
