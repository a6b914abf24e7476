/**
 * Imports a folder of the four IDX files (raw or .gz) into the cache under a
 * name the user chose. Every file is parsed and cross-checked before anything
 * is written, and the copy is staged, so a failed import leaves nothing behind.
 */
import { access } from 'node:fs/promises'
import { resolve } from 'node:path'
import { LabError } from '../../../shared/contract'
import { datasetDir, type LabPaths } from '../paths'
import { installDataset, writeIdxFiles } from './cache'
import { catalogEntry } from './catalog'
import { findIdxFiles } from './files'
import { parseIdxSet, readIdxSetFiles } from './idx-set'
import type { DatasetMeta } from './meta'

export interface ImportOptions {
  dir: string
  name: string
  /** One per class, in label order; default: the label numbers. */
  classNames?: string[]
}

/** A cache id from the name: lower-case words joined by dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '')
  return slug === '' ? 'imported' : slug
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}

/** The slug, or slug-2, slug-3...: never a catalog id, never an existing folder. */
export async function freeDatasetId(paths: LabPaths, name: string): Promise<string> {
  const slug = slugify(name)
  for (let n = 1; ; n++) {
    const id = n === 1 ? slug : `${slug}-${n}`
    if (catalogEntry(id) === undefined && !(await exists(datasetDir(paths, id)))) return id
  }
}

function checkClassNames(classNames: string[]): void {
  const seen = new Set<string>()
  for (const name of classNames) {
    if (seen.has(name)) {
      throw new LabError(
        'invalid_request',
        `The class name "${name}" is given twice; each class needs its own.`,
        { key: 'explore.errors.duplicateClass', params: { name } }
      )
    }
    seen.add(name)
  }
}

export async function importDataset(
  paths: LabPaths,
  options: ImportOptions,
  now = new Date()
): Promise<DatasetMeta> {
  if (options.classNames) checkClassNames(options.classNames)
  const dir = resolve(options.dir)
  const files = await findIdxFiles(dir)
  const { bytes, names } = await readIdxSetFiles(files)
  const set = parseIdxSet(bytes, names, options.classNames?.length)
  const classNames =
    options.classNames ?? Array.from({ length: set.labelClassCount }, (_, i) => String(i))
  const id = await freeDatasetId(paths, options.name)
  return installDataset(paths, id, async (staging) => ({
    format: 1,
    id,
    name: options.name,
    kind: 'imported',
    classNames,
    counts: { train: set.train.count, test: set.test.count },
    source: [dir],
    importedAt: now.toISOString(),
    ...(await writeIdxFiles(staging, bytes))
  }))
}
