/**
 * `runs.export`: the files a run can be taken out of the lab as. The host reads
 * them from the run folder and hands them over as ExportedFile[]; where they
 * are saved is the caller's choice (a save dialog, a browser download, the CLI).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  LabError,
  type ExportKind,
  type ExportedFile,
  type RunRecord
} from '../../../shared/contract'
import { metricsCsv, metricsJson } from './export-format'
import { modelFolder, modelJsonName, weightFileNames } from './model-files'

export async function exportRun(
  runDir: string,
  record: RunRecord,
  kind: ExportKind
): Promise<ExportedFile[]> {
  switch (kind) {
    case 'model':
      return exportModel(join(runDir, modelFolder), record)
    case 'metrics-csv':
      return [text(`${record.id}-metrics.csv`, 'text/csv', metricsCsv(record))]
    case 'metrics-json':
      return [text(`${record.id}-metrics.json`, 'application/json', metricsJson(record))]
  }
}

/**
 * model.json plus the weight files its manifest names, under their own names:
 * tf.loadLayersModel finds the weights by those names, so renaming would break it.
 */
async function exportModel(dir: string, record: RunRecord): Promise<ExportedFile[]> {
  let json: string
  try {
    json = await readFile(join(dir, modelJsonName), 'utf8')
  } catch {
    throw new LabError(
      'not_found',
      `Run "${record.name}" has no saved model yet. Training saves the model after each finished epoch; train the run for at least one epoch, then export again.`
    )
  }
  const files: ExportedFile[] = [text(modelJsonName, 'application/json', json)]
  for (const name of weightFileNames(json, record)) {
    let bytes: Buffer
    try {
      bytes = await readFile(join(dir, name))
    } catch {
      throw new LabError(
        'io_error',
        `The model of run "${record.name}" names the weight file ${name}, but it is missing from ${dir}. Train the run again to save a complete model.`
      )
    }
    files.push({
      fileName: name,
      mimeType: 'application/octet-stream',
      encoding: 'base64',
      content: bytes.toString('base64')
    })
  }
  return files
}

/** The weight files model.json refers to; each must sit beside it, never elsewhere. */
function text(fileName: string, mimeType: string, content: string): ExportedFile {
  return { fileName, mimeType, encoding: 'utf8', content }
}
