/**
 * Engine side: a dataset in memory, as training, evaluation and Explore use it.
 * Pixels stay uint8 (60,000 x 784 bytes is 47 MB; float32 would be four times
 * that); each consumer scales the batch it works on.
 */
import { join } from 'node:path'
import { LabError } from '../../../shared/contract'
import { datasetDir, type LabPaths } from '../paths'
import { catalogEntry, importedSplitNote, type BundledEntry } from './catalog'
import { idxRoles, mapRoles, standardFileNames, type IdxRole } from './files'
import { parseIdxSet, readIdxSetFiles, type IdxSet, type SplitData } from './idx-set'
import { readDatasetMeta, sha256, type DatasetMeta } from './meta'

export type { SplitData } from './idx-set'

export interface LoadedDataset {
  id: string
  name: string
  classNames: string[]
  /** How train and test were made, in a sentence. */
  splitNote: string
  train: SplitData
  test: SplitData
}

/** Reads, parses and cross-checks the four files of a dataset. */
export async function readIdxFiles(
  files: Record<IdxRole, string>,
  classCount?: number
): Promise<IdxSet> {
  const { bytes, names } = await readIdxSetFiles(files)
  return parseIdxSet(bytes, names, classCount)
}

function filesIn(dir: string, names: Record<IdxRole, string>): Record<IdxRole, string> {
  return mapRoles((role) => join(dir, names[role]))
}

/** The bundled sample ships as the published .gz file names. */
export function bundledFiles(resourcesDir: string, entry: BundledEntry): Record<IdxRole, string> {
  return filesIn(
    join(resourcesDir, entry.folder),
    mapRoles((role) => `${standardFileNames[role]}.gz`)
  )
}

async function loadBundled(resourcesDir: string, entry: BundledEntry): Promise<LoadedDataset> {
  const set = await readIdxFiles(bundledFiles(resourcesDir, entry), entry.classNames.length)
  const { id, name, classNames, splitNote } = entry
  return { id, name, classNames, splitNote, train: set.train, test: set.test }
}

async function loadCached(paths: LabPaths, id: string): Promise<LoadedDataset> {
  const dir = datasetDir(paths, id)
  const meta = await readDatasetMeta(dir)
  if (meta === null) {
    const entry = catalogEntry(id)
    throw new LabError(
      'not_found',
      entry
        ? `${entry.name} is not downloaded yet. Download it, or use the MNIST sample, which works offline.`
        : `There is no dataset "${id}". It may have been deleted; choose another one.`,
      entry
        ? { key: 'explore.errors.notDownloaded', params: { name: entry.name } }
        : { key: 'explore.errors.unknownDataset', params: { id } }
    )
  }
  const files = filesIn(dir, meta.files)
  const { bytes, names } = await readIdxSetFiles(files)
  if (meta.checks) checkUnchanged(meta, bytes, files)
  const set = parseIdxSet(bytes, names, meta.classNames.length)
  const splitNote = catalogEntry(id)?.splitNote ?? importedSplitNote
  return {
    id,
    name: meta.name,
    classNames: meta.classNames,
    splitNote,
    train: set.train,
    test: set.test
  }
}

/**
 * A cached file must be what was stored: a file cut short or swapped behind the
 * lab's back would otherwise train on the wrong data, or fail in a confusing way.
 */
function checkUnchanged(
  meta: DatasetMeta,
  bytes: Record<IdxRole, Uint8Array>,
  files: Record<IdxRole, string>
): void {
  for (const role of idxRoles) {
    const expected = meta.checks![role]
    const actual = bytes[role]
    const change =
      actual.length !== expected.size
        ? `it holds ${actual.length} bytes, ${expected.size} were stored`
        : sha256(actual) !== expected.sha256
          ? 'its contents differ from what was stored (SHA-256)'
          : null
    if (!change) continue
    const again =
      meta.kind === 'download'
        ? 'Delete the dataset and download it again.'
        : `Delete the dataset and import its folder again${meta.source[0] ? ` (${meta.source[0]})` : ''}.`
    throw new LabError(
      'dataset_invalid',
      `${files[role]} has changed since it was stored in the cache: ${change}. ${again}`,
      { key: 'explore.errors.changedSinceCached', params: { file: files[role] } }
    )
  }
}

const loaded = new Map<string, Promise<LoadedDataset>>()

function cacheKey(paths: LabPaths, id: string): string {
  return `${paths.datasets}\u0000${id}`
}

/**
 * The dataset with this id, read once and then held in memory. Concurrent
 * callers share one read; a failed read is not remembered, so a retry reads again.
 */
export function loadDataset(
  paths: LabPaths,
  resourcesDir: string,
  id: string
): Promise<LoadedDataset> {
  const key = cacheKey(paths, id)
  const pending = loaded.get(key)
  if (pending) return pending
  const entry = catalogEntry(id)
  const load = entry?.kind === 'bundled' ? loadBundled(resourcesDir, entry) : loadCached(paths, id)
  loaded.set(key, load)
  load.catch(() => {
    if (loaded.get(key) === load) loaded.delete(key)
  })
  return load
}

/** Forgets a dataset held in memory (deleted or re-imported); true if one was held. */
export function evictDataset(id: string): boolean {
  let evicted = false
  for (const key of [...loaded.keys()]) {
    if (key.endsWith(`\u0000${id}`)) {
      loaded.delete(key)
      evicted = true
    }
  }
  return evicted
}
