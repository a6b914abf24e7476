/**
 * How a run folder holds its trained model and its checkpoint: the tfjs layers
 * format (model.json and the weight files its manifest names). Pure, so the
 * engine core (which writes them) and the host (which exports them) share it
 * without the host loading tfjs or the core touching files.
 */
import { LabError, type RunRecord } from '../../../shared/contract'

export const modelFolder = 'model'
export const checkpointFolder = 'checkpoint'
export const modelJsonName = 'model.json'

/** The error for a saved model that cannot be what training wrote. */
export function damagedModel(record: Pick<RunRecord, 'name'>, why: string): LabError {
  return new LabError(
    'io_error',
    `The saved model of run "${record.name}" is damaged (${why}). Train the run again to save it afresh.`,
    { key: 'runs.errors.modelDamaged', params: { name: record.name } }
  )
}

/**
 * The weight files model.json names, checked to be plain names beside it (a
 * damaged or hostile manifest must not reach outside the folder).
 */
export function weightFileNames(modelJson: string, record: Pick<RunRecord, 'name'>): string[] {
  const broken = (why: string): LabError => damagedModel(record, why)
  let parsed: unknown
  try {
    parsed = JSON.parse(modelJson)
  } catch {
    throw broken('model.json is not valid JSON')
  }
  const manifest = (parsed as { weightsManifest?: unknown }).weightsManifest
  if (!Array.isArray(manifest)) throw broken('model.json has no weightsManifest')
  const names: string[] = []
  for (const group of manifest) {
    const paths = (group as { paths?: unknown }).paths
    if (!Array.isArray(paths)) throw broken('a weight group lists no paths')
    for (const path of paths) {
      if (typeof path !== 'string' || !isPlainFileName(path)) {
        throw broken(`a weight path "${String(path)}" is not a file name beside model.json`)
      }
      if (!names.includes(path)) names.push(path)
    }
  }
  return names
}

/** Letters, digits, dot, dash, underscore; not "." or "..": nothing that can leave the folder. */
export function isPlainFileName(name: string): boolean {
  return /^[\w.-]+$/.test(name) && name !== '.' && name !== '..'
}
