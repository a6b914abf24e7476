/**
 * Augmentation as the batch gatherer applies it: each gathered row is replaced
 * by its transformed copy, drawn from (seed, epoch, source row).
 */
import type { Augmentation } from '../../../../shared/contract'
import {
  contentBox,
  drawAugmentation,
  isIdentity,
  transformImage
} from '../../../../shared/augmentation'
import { imageSide } from '../../../../shared/image'
import type { PreparedSplit } from './batches'

/**
 * Writes one gathered row as its transformed copy; `sourceRow` is its row in the
 * prepared train split, which it is drawn and sampled from.
 */
export type RowTransform = (row: Float32Array, sourceRow: number, epoch: number) => void

/** The gatherer's hook for these settings over `split`, or null when they change nothing. */
export function augmentRows(
  settings: Augmentation | undefined,
  seed: number,
  split: PreparedSplit,
  background: number
): RowTransform | null {
  if (!settings || isIdentity(settings)) return null
  const width = split.inputSize
  if (width !== imageSide * imageSide) {
    throw new Error(
      `Augmentation needs ${imageSide}x${imageSide} images; these have ${width} values.`
    )
  }
  const rowOf = (r: number): Float32Array => split.x.subarray(r * width, (r + 1) * width)
  // A row's content box never changes during a run, and finding it costs about a
  // quarter of the transform (9 of 30 ms per 8,000 rows): found once, up front.
  const boxes = Array.from({ length: split.count }, (_, r) => contentBox(rowOf(r), background))
  return (row, sourceRow, epoch) => {
    const draw = drawAugmentation(settings, seed, epoch, sourceRow)
    transformImage(rowOf(sourceRow), row, draw, background, boxes[sourceRow]!)
  }
}
