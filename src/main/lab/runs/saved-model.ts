/**
 * Reads a run's saved model from its folder for the exports: model.json and the weight
 * files its manifest names (layout in model-files.ts), without loading tfjs.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LabError, type RunRecord } from '../../../shared/contract'
import { modelFolder, modelJsonName, weightFileNames } from './model-files'

export interface SavedModel {
  /** model.json as text. */
  json: string
  /** The weight files in the order the manifest first names them. */
  weightFiles: { name: string; bytes: Buffer }[]
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
      `Run "${record.name}" has no saved model yet. Training saves the model after each finished epoch; train the run for at least one epoch, then export again.`,
      { key: 'runs.errors.noModel', params: { name: record.name } }
    )
  }
  const weightFiles = []
  for (const name of weightFileNames(json, record)) {
    try {
      weightFiles.push({ name, bytes: await readFile(join(dir, name)) })
    } catch {
      throw new LabError(
        'io_error',
        `The model of run "${record.name}" names the weight file ${name}, but it is missing from ${dir}. Train the run again to save a complete model.`,
        { key: 'runs.errors.missingWeights', params: { name: record.name, file: name } }
      )
    }
  }
  return { json, weightFiles }
}
