import { imagePixels } from '../../../../shared/image'
import * as tf from '@tensorflow/tfjs'
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { pixelStats, scalingTable } from '../../../../shared/scaling'
import { saveModel } from '../train/checkpoint'
import { loadRunModel, modelStamp, predictorFor } from './evaluate-model'
import { nodeRunFiles } from '../node-run-files'

let dir: string

beforeAll(async () => {
  await tf.setBackend('cpu')
})

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mnist-lab-model-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Statistics of images that span every byte value, as MNIST's do. */
const byteRange = pixelStats(new Float64Array(256).fill(1))
const unit = scalingTable('unit', byteRange)

function smallModel(activation?: 'softmax'): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [imagePixels], units: 8, activation: 'relu' }),
      tf.layers.dense({ units: 3, activation })
    ]
  })
}

function images(count: number): Uint8Array {
  return Uint8Array.from({ length: count * imagePixels }, (_, i) => (i * 37) % 256)
}

describe('loadRunModel', () => {
  it('loads the saved model and gives softmax of its logits on scaled input', async () => {
    const model = smallModel()
    await saveModel(model, nodeRunFiles(dir))
    const loaded = await loadRunModel(nodeRunFiles(dir), 'run', unit)
    const raw = images(2)
    const probabilities = await loaded.predict(raw, 2)

    const expected = tf.tidy(() =>
      tf.softmax(
        model.predict(
          tf.tensor2d(
            Float32Array.from(raw, (v) => v / 255),
            [2, 784]
          )
        ) as tf.Tensor2D
      )
    )
    const want = await expected.data()
    Array.from(probabilities).forEach((p, i) => expect(p).toBeCloseTo(want[i], 6))
    expect(probabilities[0] + probabilities[1] + probabilities[2]).toBeCloseTo(1, 5)
    expected.dispose()
    model.dispose()
    loaded.dispose()
  })

  it('applies the scaling table it is given', async () => {
    const model = smallModel()
    await saveModel(model, nodeRunFiles(dir))
    const asUnit = await loadRunModel(nodeRunFiles(dir), 'run', unit)
    const asSymmetric = await loadRunModel(
      nodeRunFiles(dir),
      'run',
      scalingTable('symmetric', byteRange)
    )
    const a = await asUnit.predict(images(1), 1)
    const b = await asSymmetric.predict(images(1), 1)
    expect(Array.from(a)).not.toEqual(Array.from(b))
    ;[model, asUnit, asSymmetric].forEach((m) => m.dispose())
  })

  it('does not apply softmax twice to a model that ends in one', async () => {
    const model = smallModel('softmax')
    const predict = predictorFor(model, unit)
    const out = await predict(images(1), 1)
    const direct = model.predict(
      tf.tensor2d(
        Float32Array.from(images(1), (v) => v / 255),
        [1, 784]
      )
    ) as tf.Tensor
    const want = await direct.data()
    Array.from(out).forEach((p, i) => expect(p).toBeCloseTo(want[i], 6))
    direct.dispose()
    model.dispose()
  })

  it('leaves no tensors behind when predicting', async () => {
    const model = smallModel()
    const predict = predictorFor(model, unit)
    await predict(images(3), 3)
    const before = tf.memory().numTensors
    await predict(images(3), 3)
    expect(tf.memory().numTensors).toBe(before)
    model.dispose()
  })

  it('says the run has no model yet when none was saved', async () => {
    await expect(loadRunModel(nodeRunFiles(dir), 'My run', unit)).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('"My run" has no trained model')
    })
  })

  it('says the model is damaged when model.json is not a model', async () => {
    await saveModel(smallModel(), nodeRunFiles(dir))
    await writeFile(
      join(dir, 'model', 'model.json'),
      JSON.stringify({ modelTopology: { nonsense: true }, weightsManifest: [] })
    )
    await expect(loadRunModel(nodeRunFiles(dir), 'run', unit)).rejects.toMatchObject({
      code: 'io_error'
    })
  })
})

describe('modelStamp', () => {
  it('changes when the model is saved again', async () => {
    await saveModel(smallModel(), nodeRunFiles(dir))
    const first = await modelStamp(nodeRunFiles(dir), 'run')
    expect(await modelStamp(nodeRunFiles(dir), 'run')).toBe(first)
    const later = new Date(Date.now() + 5000)
    await utimes(join(dir, 'model', 'weights.bin'), later, later)
    expect(await modelStamp(nodeRunFiles(dir), 'run')).not.toBe(first)
  })

  it('refuses a run without a model', async () => {
    await expect(modelStamp(nodeRunFiles(dir), 'run')).rejects.toMatchObject({ code: 'not_found' })
  })
})
