/**
 * Checks the four IDX files of a dataset against each other: each images file
 * pairs with a labels file of the same count, and every label names a class.
 * The loader, the importer and the downloader all go through here, so a file
 * that would not load never enters the cache.
 */
import { basename } from 'node:path'
import { LabError } from '../../../shared/contract'
import { idxRoles, mapRoles, type IdxRole } from './files'
import { parseIdxImages, parseIdxLabels, readIdxBytes } from './idx'

export interface SplitData {
  /** count * 784 uint8 pixels, image after image, row by row. */
  images: Uint8Array
  /** count uint8 class indices. */
  labels: Uint8Array
  count: number
}

export interface IdxSet {
  train: SplitData
  test: SplitData
  /** Highest label + 1: the number of classes the data uses. */
  labelClassCount: number
}

/** Largest class count a dataset may have (the contract caps class names at 100). */
export const maxClasses = 100

function split(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  imageFile: string,
  labelFile: string,
  classCount: number | undefined
): SplitData {
  const images = parseIdxImages(imageBytes, imageFile)
  const labels = parseIdxLabels(labelBytes, labelFile, { count: images.count, classCount })
  return { images: images.pixels, labels: labels.labels, count: images.count }
}

function highestLabel(labels: Uint8Array): number {
  let highest = -1
  for (let i = 0; i < labels.length; i++) if (labels[i] > highest) highest = labels[i]
  return highest
}

/**
 * Parses and cross-checks the four files. With classCount, labels must be below
 * it; without, the classes are 0..highest label (at most maxClasses).
 */
export function parseIdxSet(
  bytes: Record<IdxRole, Uint8Array>,
  names: Record<IdxRole, string>,
  classCount?: number
): IdxSet {
  const train = split(
    bytes.trainImages,
    bytes.trainLabels,
    names.trainImages,
    names.trainLabels,
    classCount
  )
  const test = split(
    bytes.testImages,
    bytes.testLabels,
    names.testImages,
    names.testLabels,
    classCount
  )
  if (train.count === 0 || test.count === 0) {
    const empty = train.count === 0 ? names.trainImages : names.testImages
    throw new LabError(
      'dataset_invalid',
      `${empty}: holds no images. Each split needs at least one.`,
      { key: 'explore.errors.emptySplit', params: { file: empty } }
    )
  }
  const labelClassCount = Math.max(highestLabel(train.labels), highestLabel(test.labels)) + 1
  if (labelClassCount > maxClasses) {
    throw new LabError(
      'dataset_invalid',
      `${names.trainLabels}: labels go up to ${labelClassCount - 1}; the lab handles at most ${maxClasses} classes.`,
      {
        key: 'explore.errors.tooManyClasses',
        params: { file: names.trainLabels, highest: labelClassCount - 1, max: maxClasses }
      }
    )
  }
  return { train, test, labelClassCount: Math.max(labelClassCount, 2) }
}

export interface IdxSetFiles {
  /** Decoded IDX bytes (gunzipped where the file was gzip). */
  bytes: Record<IdxRole, Uint8Array>
  /** File names, for error messages. */
  names: Record<IdxRole, string>
}

/** Reads the four files at once: they are independent, and the disk or gunzip can overlap. */
export async function readIdxSetFiles(files: Record<IdxRole, string>): Promise<IdxSetFiles> {
  const contents = await Promise.all(idxRoles.map((role) => readIdxBytes(files[role])))
  const bytes = mapRoles((role) => contents[idxRoles.indexOf(role)])
  return { bytes, names: mapRoles((role) => basename(files[role])) }
}
