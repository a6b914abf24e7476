/**
 * A run's saved model as training writes it (engine/train/checkpoint.ts): `model/model.json`
 * in tfjs layers format and the weight files its manifest names. Read here without tfjs, for
 * the exports and for the engine's evaluation.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LabError, type RunRecord } from '../../../shared/contract'

export const modelFolder = 'model'
export const modelJsonName = 'model.json'

export interface SavedModel {
  /** model.json as text. */
  json: string
  /** The weight files in the order the manifest first names them. */
  weightFiles: { name: string; bytes: Buffer }[]
}

export function damagedModel(record: Pick<RunRecord, 'name'>, why: string): LabError {
  return new LabError(
    'io_error',
    `The saved model of run "${record.name}" is damaged (${why}). Train the run again to save it afresh.`
  )
}

/** Reads `<runDir>/model/`: refused when training has not saved it yet or a file is missing. */
export async function readSavedModel(runDir: string, record: RunRecord): Promise<SavedModel> {
  const dir = join(runDir, modelFolder)
  let json: string
  try {
    json = await readFile(join(dir, modelJsonName), 'utf8')
  } catch {
    throw new LabError(
      'not_found',
      `Run "${record.name}" has no saved model yet. Training saves the model after each finished epoch; train the run for at least one epoch, then export again.`
    )
  }
  const weightFiles = []
  for (const name of weightFileNames(json, record)) {
    try {
      weightFiles.push({ name, bytes: await readFile(join(dir, name)) })
    } catch {
      throw new LabError(
        'io_error',
        `The model of run "${record.name}" names the weight file ${name}, but it is missing from ${dir}. Train the run again to save a complete model.`
      )
    }
  }
  return { json, weightFiles }
}

/** The weight files model.json refers to; each must sit beside it, never elsewhere. */
export function weightFileNames(modelJson: string, record: Pick<RunRecord, 'name'>): string[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(modelJson)
  } catch {
    throw damagedModel(record, 'model.json is not valid JSON')
  }
  const manifest = (parsed as { weightsManifest?: unknown }).weightsManifest
  if (!Array.isArray(manifest)) throw damagedModel(record, 'model.json has no weightsManifest')
  const names: string[] = []
  for (const group of manifest) {
    const paths = (group as { paths?: unknown }).paths
    if (!Array.isArray(paths)) throw damagedModel(record, 'a weight group lists no paths')
    for (const path of paths) {
      if (typeof path !== 'string' || !isPlainFileName(path)) {
        throw damagedModel(
          record,
          `a weight path "${String(path)}" is not a file name beside model.json`
        )
      }
      if (!names.includes(path)) names.push(path)
    }
  }
  return names
}

/** Letters, digits, dot, dash, underscore; not "." or "..": nothing that can leave the folder. */
function isPlainFileName(name: string): boolean {
  return /^[\w.-]+$/.test(name) && name !== '.' && name !== '..'
}
