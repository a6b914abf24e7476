/**
 * The four files of an MNIST-style dataset and the names they go by. Published
 * sets use train-/t10k- prefixes; others use test-; some tools write a dot
 * before "idx". Any of them may carry .gz.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { LabError, type Split } from '../../../shared/contract'

export type IdxRole = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels'

export const idxRoles: readonly IdxRole[] = [
  'trainImages',
  'trainLabels',
  'testImages',
  'testLabels'
]

export const roleSplit: Record<IdxRole, Split> = {
  trainImages: 'train',
  trainLabels: 'train',
  testImages: 'test',
  testLabels: 'test'
}

/** The names the published files have, without .gz; the cache stores them under these. */
export const standardFileNames: Record<IdxRole, string> = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte'
}

/** A record with one value per role, in the order of idxRoles. */
export function mapRoles<T>(make: (role: IdxRole) => T): Record<IdxRole, T> {
  return {
    trainImages: make('trainImages'),
    trainLabels: make('trainLabels'),
    testImages: make('testImages'),
    testLabels: make('testLabels')
  }
}

const namePattern = /^(train|t10k|test)-(images|labels)[-.]idx([13])-ubyte(\.gz)?$/i

/** The role a file name plays, or null when it is not one of the four. */
export function roleOfFileName(name: string): IdxRole | null {
  const match = namePattern.exec(name)
  if (!match) return null
  const [, split, kind, dims] = match
  if ((kind.toLowerCase() === 'images') !== (dims === '3')) return null
  const train = split.toLowerCase() === 'train'
  if (kind.toLowerCase() === 'images') return train ? 'trainImages' : 'testImages'
  return train ? 'trainLabels' : 'testLabels'
}

/** What a part is called in messages to the user. */
export const roleDescription: Record<IdxRole, string> = {
  trainImages: 'training images',
  trainLabels: 'training labels',
  testImages: 'test images',
  testLabels: 'test labels'
}

/**
 * Finds the four parts in a folder: one file each, or a raw file and its .gz twin (torchvision's
 * `MNIST/raw` keeps both; the caller checks that the two agree). Refuses a folder where a part
 * is missing or where two differently named files claim it (say both t10k- and test- files),
 * since picking one silently could import the wrong data.
 */
export async function findIdxFiles(dir: string): Promise<Record<IdxRole, string[]>> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new LabError(
      'not_found',
      `Cannot read the folder ${dir} (${reason}). Check the path and that the folder is readable.`,
      { key: 'explore.errors.folderUnreadable', params: { dir } }
    )
  }
  const found: Partial<Record<IdxRole, string[]>> = {}
  for (const name of names.sort()) {
    const role = roleOfFileName(name)
    if (role === null) continue
    const copies = found[role] ?? []
    // Sorted, a raw file comes right before its .gz twin.
    const gzipTwin = copies.length === 1 && name.toLowerCase() === `${copies[0].toLowerCase()}.gz`
    if (copies.length > 0 && !gzipTwin) {
      throw new LabError(
        'dataset_invalid',
        `The folder ${dir} holds two files for the same part: ${copies[0]} and ${name}. Keep one of them.`,
        { key: 'explore.errors.twoFiles', params: { dir, first: copies[0], second: name } }
      )
    }
    found[role] = [...copies, name]
  }
  const missing = idxRoles.filter((role) => found[role] === undefined)
  if (missing.length > 0) {
    const expected = missing.map((role) => `${standardFileNames[role]}[.gz]`).join(', ')
    throw new LabError(
      'dataset_invalid',
      `The folder ${dir} lacks ${expected}. A dataset folder holds four IDX files: train-images, train-labels, and t10k- (or test-) images and labels, raw or .gz.`,
      { key: 'explore.errors.missingFile', params: { dir, expected } }
    )
  }
  return mapRoles((role) => (found[role] ?? []).map((name) => join(dir, name)))
}
