/**
 * `runs.export`: the files a run can be taken out of the lab as. The host reads
 * them from the run folder and hands them over as ExportedFile[]; where they
 * are saved is the caller's choice (a save dialog, a browser download, the CLI).
 */
import type { ExportKind, ExportedFile, RunRecord } from '../../../shared/contract'
import { metricsCsv, metricsJson } from './export-format'
import { modelJsonName } from './model-files'
import { pytorchSafetensors } from './pytorch-export'
import { readSavedModel } from './saved-model'

export async function exportRun(
  runDir: string,
  record: RunRecord,
  kind: ExportKind
): Promise<ExportedFile[]> {
  switch (kind) {
    case 'model': {
      // Under their own names: tf.loadLayersModel finds the weights by them.
      const saved = await readSavedModel(runDir, record)
      return [
        text(modelJsonName, 'application/json', saved.json),
        ...saved.weightFiles.map((file) => binary(file.name, file.bytes))
      ]
    }
    case 'safetensors': {
      const saved = await readSavedModel(runDir, record)
      return [binary(`${record.id}.safetensors`, pytorchSafetensors(saved, record))]
    }
    case 'metrics-csv':
      return [text(`${record.id}-metrics.csv`, 'text/csv', metricsCsv(record))]
    case 'metrics-json':
      return [text(`${record.id}-metrics.json`, 'application/json', metricsJson(record))]
  }
}

function text(fileName: string, mimeType: string, content: string): ExportedFile {
  return { fileName, mimeType, encoding: 'utf8', content }
}

function binary(fileName: string, bytes: Uint8Array): ExportedFile {
  return {
    fileName,
    mimeType: 'application/octet-stream',
    encoding: 'base64',
    content: Buffer.from(bytes).toString('base64')
  }
}
