import * as tf from '@tensorflow/tfjs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LabError, type ExportedFile } from '../../../shared/contract'
import { exportRun } from './export'
import { weightFileNames } from './model-files'
import { saveModel } from '../engine/train/checkpoint'
import { sampleRecord } from '../../../shared/testing/sample-run'
import { nodeRunFiles } from '../engine/node-run-files'

let dir: string

beforeAll(async () => {
  await tf.setBackend('cpu')
})

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mnist-lab-export-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function byName(files: ExportedFile[], name: string): ExportedFile {
  const file = files.find((f) => f.fileName === name)
  if (!file) throw new Error(`no ${name} among ${files.map((f) => f.fileName).join(', ')}`)
  return file
}

describe('exportRun', () => {
  it('exports model.json and weights.bin that load back into the same model', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [4], units: 3, activation: 'relu' }),
        tf.layers.dense({ units: 2 })
      ]
    })
    await saveModel(model, nodeRunFiles(dir))

    const files = await exportRun(dir, sampleRecord(), 'model')
    expect(files.map((f) => f.fileName)).toEqual(['model.json', 'weights.bin'])
    const json = byName(files, 'model.json')
    const weights = byName(files, 'weights.bin')
    expect(json).toMatchObject({ encoding: 'utf8', mimeType: 'application/json' })
    expect(weights).toMatchObject({ encoding: 'base64', mimeType: 'application/octet-stream' })

    const parsed = JSON.parse(json.content) as {
      modelTopology: object
      weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[]
    }
    const bytes = Buffer.from(weights.content, 'base64')
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: parsed.modelTopology,
        weightSpecs: parsed.weightsManifest[0].weights,
        weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
      })
    )
    const input = tf.tensor2d([[1, 2, 3, 4]])
    const expected = model.predict(input) as tf.Tensor
    const actual = loaded.predict(input) as tf.Tensor
    expect(Array.from(await actual.data())).toEqual(Array.from(await expected.data()))
    tf.dispose([input, expected, actual])
    model.dispose()
    loaded.dispose()
  })

  it('says there is no model yet when training has not saved one', async () => {
    const error = await exportRun(dir, sampleRecord(), 'model').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LabError)
    expect(error).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no saved model/)
    })
  })

  it('says which weight file is missing', async () => {
    await mkdir(join(dir, 'model'))
    await writeFile(
      join(dir, 'model', 'model.json'),
      JSON.stringify({ weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] })
    )
    await expect(exportRun(dir, sampleRecord(), 'model')).rejects.toThrow(/group1-shard1of1.bin/)
  })

  it('exports the metrics as CSV and JSON named after the run', async () => {
    const [csv] = await exportRun(dir, sampleRecord(), 'metrics-csv')
    expect(csv).toMatchObject({
      fileName: '20250101-120000-abcdef-metrics.csv',
      mimeType: 'text/csv',
      encoding: 'utf8'
    })
    expect(csv.content.split('\n')[0]).toMatch(/^epoch,trainLoss/)
    const [json] = await exportRun(dir, sampleRecord(), 'metrics-json')
    expect(json.fileName).toBe('20250101-120000-abcdef-metrics.json')
    expect(JSON.parse(json.content)).toMatchObject({ runId: '20250101-120000-abcdef' })
  })
})

describe('weightFileNames', () => {
  const record = { name: 'r' }
  const manifest = (paths: unknown[]): string =>
    JSON.stringify({ weightsManifest: [{ paths, weights: [] }] })

  it('lists each weight file once', () => {
    expect(
      weightFileNames(
        JSON.stringify({
          weightsManifest: [
            { paths: ['a.bin', 'b.bin'], weights: [] },
            { paths: ['a.bin'], weights: [] }
          ]
        }),
        record
      )
    ).toEqual(['a.bin', 'b.bin'])
  })

  it('refuses paths that would leave the model folder', () => {
    for (const path of ['../run.json', '/etc/passwd', 'sub/w.bin', '..', 'a\\b.bin', '', 3]) {
      expect(() => weightFileNames(manifest([path]), record)).toThrow(/damaged/)
    }
  })

  it('refuses a model.json that is not a model', () => {
    expect(() => weightFileNames('{', record)).toThrow(/not valid JSON/)
    expect(() => weightFileNames('{}', record)).toThrow(/no weightsManifest/)
  })
})
