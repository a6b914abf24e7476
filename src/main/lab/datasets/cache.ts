/**
 * The dataset cache, <home>/datasets/<id>/: four raw IDX files and dataset.json.
 * Everything is built in a hidden staging folder beside the cache entries and
 * renamed into place at the end, so a half-done download or import is never
 * seen as a dataset, not even after a crash.
 *
 * Files are stored decompressed: loading 70,000 images then costs a plain read
 * (tens of milliseconds) instead of a gunzip (hundreds), for about 25 MB more disk.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { LabError, type DatasetSummary } from '../../../shared/contract'
import { replaceDirectory, writeFileChecked, writeJsonAtomic } from '../fs-atomic'
import { datasetDir, type LabPaths } from '../paths'
import {
  catalog,
  catalogEntry,
  importedSplitNote,
  totalDownloadBytes,
  type CatalogEntry
} from './catalog'
import { idxRoles, mapRoles, standardFileNames, type IdxRole } from './files'
import { fileCheck, metaFileName, readDatasetMeta, type DatasetMeta } from './meta'

const stagingPrefix = '.staging-'
const trashPrefix = '.trash-'
/** A staging folder untouched this long belongs to a process that died. */
const abandonedAfterMs = 24 * 60 * 60 * 1000

function hiddenName(prefix: string, id: string): string {
  return `${prefix}${id}-${randomBytes(6).toString('hex')}`
}

/**
 * Builds a dataset folder through `fill` (which writes into the staging folder
 * it is given) and renames it into the cache. On any failure the staging folder
 * is removed and the cache is as it was.
 */
export async function installDataset(
  paths: LabPaths,
  id: string,
  fill: (staging: string) => Promise<DatasetMeta>
): Promise<DatasetMeta> {
  await mkdir(paths.datasets, { recursive: true })
  const staging = join(paths.datasets, hiddenName(stagingPrefix, id))
  await mkdir(staging)
  try {
    const meta = await fill(staging)
    await writeJsonAtomic(join(staging, metaFileName), meta)
    // The old folder waits under a trash name, which sweepAbandoned finds after a crash.
    await replaceDirectory(
      staging,
      datasetDir(paths, id),
      join(paths.datasets, hiddenName(trashPrefix, 'old'))
    )
    return meta
  } catch (error) {
    if (error instanceof LabError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new LabError(
      'io_error',
      `Could not write the dataset into ${paths.datasets} (${reason}). Check free disk space and permissions, then retry.`,
      { key: 'explore.errors.writeFailed', params: { dir: paths.datasets } }
    )
  } finally {
    // After a successful rename the staging path no longer exists; rm is then a no-op.
    await rm(staging, { recursive: true, force: true })
  }
}

/** Writes validated IDX bytes into a staging folder under the standard names, with their checks. */
export async function writeIdxFiles(
  staging: string,
  bytes: Record<IdxRole, Uint8Array>
): Promise<Pick<DatasetMeta, 'files' | 'checks'>> {
  await Promise.all(
    idxRoles.map((role) => writeFileChecked(join(staging, standardFileNames[role]), bytes[role]))
  )
  return { files: { ...standardFileNames }, checks: mapRoles((role) => fileCheck(bytes[role])) }
}

/** Removes a cached dataset; false when there was none. */
export async function removeDataset(paths: LabPaths, id: string): Promise<boolean> {
  const trash = join(paths.datasets, hiddenName(trashPrefix, id))
  try {
    // Rename first: the dataset vanishes at once even if deleting its files takes a while.
    await rename(datasetDir(paths, id), trash)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    const reason = error instanceof Error ? error.message : String(error)
    throw new LabError(
      'io_error',
      `Could not delete the dataset "${id}" in ${paths.datasets} (${reason}). Close other programs using its files and check the folder's permissions, then retry.`,
      { key: 'explore.errors.deleteFailed', params: { id, dir: paths.datasets } }
    )
  }
  await rm(trash, { recursive: true, force: true })
  return true
}

/** Removes staging and trash folders left by a process that stopped half-way. */
export async function sweepAbandoned(paths: LabPaths, now = Date.now()): Promise<void> {
  let names: string[]
  try {
    names = await readdir(paths.datasets)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(stagingPrefix) && !name.startsWith(trashPrefix)) continue
    const path = join(paths.datasets, name)
    const info = await stat(path).catch(() => null)
    if (info && now - info.mtimeMs > abandonedAfterMs)
      await rm(path, { recursive: true, force: true })
  }
}

/** Metas of every cached dataset, by id. A folder with a damaged meta is left out. */
export async function readCachedMetas(paths: LabPaths): Promise<Map<string, DatasetMeta>> {
  const metas = new Map<string, DatasetMeta>()
  let names: string[]
  try {
    names = await readdir(paths.datasets)
  } catch {
    return metas
  }
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue
    const meta = await readDatasetMeta(datasetDir(paths, name)).catch(() => null)
    if (meta) metas.set(name, meta)
  }
  return metas
}

/** A catalog entry as the UI lists it; `cached` is its dataset.json once downloaded. */
export function catalogSummary(
  entry: CatalogEntry,
  cached: DatasetMeta | undefined,
  downloading: boolean
): DatasetSummary {
  const base = {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    classNames: entry.classNames,
    counts: entry.counts,
    description: entry.description,
    splitNote: entry.splitNote
  }
  if (entry.kind === 'bundled') return { ...base, state: 'ready' }
  if (cached) return { ...base, state: 'ready', counts: cached.counts }
  return {
    ...base,
    state: downloading ? 'downloading' : 'not-downloaded',
    downloadBytes: totalDownloadBytes(entry)
  }
}

export function importedSummary(meta: DatasetMeta): DatasetSummary {
  return {
    id: meta.id,
    name: meta.name,
    kind: 'imported',
    state: 'ready',
    classNames: meta.classNames,
    counts: meta.counts,
    description: `Imported from ${meta.source.join(', ')} on ${meta.importedAt.slice(0, 10)}.`,
    splitNote: importedSplitNote
  }
}

/** The catalog first (sample, MNIST, Fashion-MNIST), then imported datasets by name. */
export async function listDatasets(
  paths: LabPaths,
  downloading: ReadonlySet<string> = new Set()
): Promise<DatasetSummary[]> {
  const metas = await readCachedMetas(paths)
  const known = catalog.map((entry) =>
    catalogSummary(entry, metas.get(entry.id), downloading.has(entry.id))
  )
  const imported = [...metas.values()]
    .filter((meta) => meta.kind === 'imported' && catalogEntry(meta.id) === undefined)
    .map(importedSummary)
    .sort((a, b) => a.name.localeCompare(b.name))
  return [...known, ...imported]
}
