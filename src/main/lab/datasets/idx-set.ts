/**
 * Checks the four IDX files of a dataset against each other: each images file
 * pairs with a labels file of the same count, and every label names a class.
 * The loader, the importer and the downloader all go through here, so a file
 * that would not load never enters the cache.
 */
import { basename } from 'node:path'
import { LabError } from '../../../shared/contract'
import { idxRoles, mapRoles, roleDescription, type IdxRole } from './files'
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

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0
}

/** Parses a copy on its own, so a cut-short or damaged copy is named with what is wrong. */
function checkCopy(role: IdxRole, bytes: Uint8Array, file: string): void {
  if (role === 'trainImages' || role === 'testImages') parseIdxImages(bytes, file)
  else parseIdxLabels(bytes, file)
}

/**
 * The bytes of one part from its copies (a raw file and its .gz twin, as torchvision keeps
 * them). Copies that agree are one part; a copy that is broken on its own is refused by name;
 * two sound copies that differ are refused naming the part, since either could be the wrong one.
 */
async function readPart(role: IdxRole, paths: readonly string[]): Promise<Uint8Array> {
  const copies = await Promise.all(paths.map((path) => readIdxBytes(path)))
  const [first] = copies
  if (copies.every((copy) => sameBytes(copy, first))) return first
  copies.forEach((copy, i) => checkCopy(role, copy, basename(paths[i])))
  throw new LabError(
    'dataset_invalid',
    `The ${roleDescription[role]} come in two copies that differ: ${paths.map((p) => basename(p)).join(' and ')}. Delete the one that is wrong (or both, and download them again).`,
    {
      key: `explore.errors.copiesDiffer.${role}`,
      params: { files: paths.map((p) => basename(p)).join(', ') }
    }
  )
}

/**
 * Reads the four parts at once: they are independent, and the disk or gunzip can overlap.
 * A part is one file, or several copies that must agree.
 */
export async function readIdxSetFiles(
  files: Record<IdxRole, string | readonly string[]>
): Promise<IdxSetFiles> {
  const copies = mapRoles((role) => {
    const part = files[role]
    return typeof part === 'string' ? [part] : part
  })
  const contents = await Promise.all(idxRoles.map((role) => readPart(role, copies[role])))
  const bytes = mapRoles((role) => contents[idxRoles.indexOf(role)])
  return { bytes, names: mapRoles((role) => basename(copies[role][0])) }
}
