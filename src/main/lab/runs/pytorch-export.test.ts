import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModelSpec, RunRecord } from '../../../shared/contract'
import { defaultModelSpec } from '../../../shared/model-summary'
import { sampleRecord } from '../../../shared/testing/sample-run'
import { seedTrainConfig } from '../../../shared/train-defaults'
import { LabHost } from '../host'
import { realEngineLauncher, repoResourcesDir } from '../testing/real-engine'
import { exportRun } from './export'
import { decodeSafetensors } from './safetensors'

const debian = '/usr/share/datasets/fashion-mnist'
const python = '/usr/bin/python3'
const script = join(__dirname, 'testing/seed_model_accuracy.py')

function torchMissing(): string | null {
  if (!existsSync(debian))
    return `Debian's Fashion-MNIST is not at ${debian} (apt-get install dataset-fashion-mnist)`
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' })
  if (probe.status !== 0) return `${python} cannot import torch (apt-get install python3-torch)`
  return null
}
const skipReason = torchMissing()
if (skipReason) console.log(`SKIPPED the PyTorch round trip: ${skipReason}`)

describe("exportRun 'safetensors' from a saved model", () => {
  // A 3-2-2 MLP saved as training saves it: kernels [in, out], row-major float32.
  const weights = [
    { name: 'dense_Dense1/kernel', shape: [3, 2], values: [1, 2, 3, 4, 5, 6] },
    { name: 'dense_Dense1/bias', shape: [2], values: [7, 8] },
    { name: 'dense_Dense2/kernel', shape: [2, 2], values: [9, 10, 11, 12] },
    { name: 'dense_Dense2/bias', shape: [2], values: [13, 14] }
  ]
  const record = sampleRecord({
    config: seedTrainConfig({
      model: { kind: 'mlp', hidden: [{ units: 2, activation: 'tanh', dropout: 0 }] }
    })
  })
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lab-pytorch-unit-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** A run folder whose model/ holds these weight values, as training writes it. */
  function savedRun(values: number[]): string {
    const runDir = join(dir, String(Math.random()).slice(2))
    const model = join(runDir, 'model')
    mkdirSync(model, { recursive: true })
    const manifest = weights.map(({ name, shape }) => ({ name, shape, dtype: 'float32' }))
    writeFileSync(
      join(model, 'model.json'),
      JSON.stringify({ weightsManifest: [{ paths: ['weights.bin'], weights: manifest }] })
    )
    writeFileSync(join(model, 'weights.bin'), Buffer.from(Float32Array.from(values).buffer))
    return runDir
  }

  async function exported(runDir: string, run = record): Promise<Uint8Array> {
    const [file] = await exportRun(runDir, run, 'safetensors')
    expect(file.fileName).toBe(`${run.id}.safetensors`)
    return Buffer.from(file.content, 'base64')
  }

  it('names the layers fc1, fc2 and turns [in, out] kernels into [out, in] weights', async () => {
    const file = decodeSafetensors(await exported(savedRun(weights.flatMap((w) => w.values))))
    expect(file.tensors.map((t) => [t.name, t.shape, Array.from(t.values)])).toEqual([
      ['fc1.weight', [2, 3], [1, 3, 5, 2, 4, 6]],
      ['fc1.bias', [2], [7, 8]],
      ['fc2.weight', [2, 2], [9, 11, 10, 12]],
      ['fc2.bias', [2], [13, 14]]
    ])
    expect(file.metadata).toMatchObject({
      format: 'pt',
      'mnist_lab.layers': 'x.view(N, 3); fc1 = Linear(3, 2); Tanh(); fc2 = Linear(2, 2)',
      'mnist_lab.input': expect.stringContaining('pixels / 255'),
      'mnist_lab.test_accuracy': '0.91'
    })
  })

  it('refuses a cut-short weights file, a model that does not match the run, and no model', async () => {
    const all = weights.flatMap((w) => w.values)
    await expect(exported(savedRun(all.slice(0, -1)))).rejects.toThrow(
      /is damaged \(its weight file is cut short\)/
    )
    const wider = sampleRecord({
      config: seedTrainConfig({
        model: { kind: 'mlp', hidden: [{ units: 3, activation: 'relu', dropout: 0 }] }
      })
    })
    await expect(exported(savedRun(all), wider)).rejects.toThrow(
      /does not match its settings \(weights 3x2, 2, 2x2, 2, expected 3x3, 3, 3x2, 2\)/
    )
    await expect(exported(join(dir, 'nothing'))).rejects.toMatchObject({
      code: 'not_found'
    })
  })
})

describe('the lab and PyTorch', () => {
  let home: string
  let host: LabHost
  let datasetId: string

  async function ask<T>(name: string, params: unknown): Promise<T> {
    const response = await host.handle(name, params)
    if (!response.ok) throw new Error(`${name}: ${response.error.message}`)
    return response.value as T
  }

  async function train(
    model: ModelSpec,
    trainFraction: number,
    learningRate = 0.001
  ): Promise<RunRecord> {
    const config = seedTrainConfig({ datasetId, model, epochs: 1, trainFraction, learningRate })
    const { runId } = await ask<{ runId: string }>('train.start', { config, name: model.kind })
    for (;;) {
      const record = await ask<RunRecord>('runs.get', { runId })
      if (record.status === 'completed') return record
      if (record.status !== 'running') throw new Error(`training ended ${record.status}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  /** Exports the run, loads it into the seed's model with PyTorch, and returns its accuracy. */
  async function pytorchAccuracy(
    record: RunRecord
  ): Promise<{ accuracy: number; file: Uint8Array }> {
    const [exported] = await ask<{ fileName: string; content: string }[]>('runs.export', {
      runId: record.id,
      kind: 'safetensors'
    })
    const file = Buffer.from(exported.content, 'base64')
    const path = join(home, exported.fileName)
    writeFileSync(path, file)
    const run = spawnSync(
      python,
      [
        script,
        path,
        join(debian, 't10k-images-idx3-ubyte.gz'),
        join(debian, 't10k-labels-idx1-ubyte.gz'),
        'unit'
      ],
      { encoding: 'utf8' }
    )
    if (run.status !== 0) throw new Error(`PyTorch could not use the export:\n${run.stderr}`)
    const result = JSON.parse(run.stdout) as { accuracy: number; count: number }
    expect(result.count).toBe(10000)
    return { accuracy: result.accuracy, file }
  }

  beforeAll(async () => {
    if (skipReason) return
    home = mkdtempSync(join(tmpdir(), 'lab-pytorch-'))
    host = new LabHost({
      home,
      resourcesDir: repoResourcesDir,
      appVersion: '0.0.0-test',
      launcher: realEngineLauncher()
    })
    datasetId = (await ask<{ id: string }>('datasets.import', { dir: debian, name: 'Fashion' })).id
  })
  afterAll(async () => {
    if (skipReason) return
    await host.stop()
    rmSync(home, { recursive: true, force: true })
  })

  it.skipIf(skipReason)(
    "the seed's MLP loads the exported weights and scores the lab's test accuracy",
    async () => {
      const record = await train(defaultModelSpec, 0.05)
      // The final test figure, on the weights the run keeps (what the export holds).
      const lab = record.testAccuracy!
      const { accuracy, file } = await pytorchAccuracy(record)
      const { tensors } = decodeSafetensors(file)
      expect(tensors.map((t) => `${t.name} ${t.shape.join('x')}`)).toEqual([
        'fc1.weight 64x784',
        'fc1.bias 64',
        'fc2.weight 64x64',
        'fc2.bias 64',
        'fc3.weight 64x64',
        'fc3.bias 64',
        'fc4.weight 10x64',
        'fc4.bias 10'
      ])
      // Far above chance, so the weights really are the trained ones in the right layout.
      expect(lab).toBeGreaterThan(0.5)
      expect(Math.abs(accuracy - lab)).toBeLessThanOrEqual(0.001)
    },
    240_000
  )

  it.skipIf(skipReason)(
    'a CNN exports under its own names (conv1, conv2, fc1, fc2) and scores the same in PyTorch',
    async () => {
      const spec: ModelSpec = { kind: 'cnn', filters: [4, 8], dense: 16, dropout: 0 }
      // A few steps at a brisk learning rate: enough to be far from any constant guess, so a
      // channel order mixed up between tfjs and PyTorch would show in the accuracy.
      const record = await train(spec, 0.05, 0.005)
      // The final test figure, on the weights the run keeps (what the export holds).
      const lab = record.testAccuracy!
      const { accuracy } = await pytorchAccuracy(record)
      expect(lab).toBeGreaterThan(0.5)
      expect(Math.abs(accuracy - lab)).toBeLessThanOrEqual(0.001)
    },
    240_000
  )
})
