/**
 * A run's saved model as a Predictor: reads `<run>/model/` (tfjs layers format,
 * model.json + weight files), scales raw pixels as training did, and turns the
 * model's logits into probabilities.
 */
import { imagePixels } from '../../../../shared/image'
import * as tf from '@tensorflow/tfjs'
import { LabError } from '../../../../shared/contract'
import { modelFolder, modelJsonName, weightFileNames } from '../../runs/model-files'
import { textOf, type RunFiles } from '../run-files'
import { type Predictor } from './evaluate'

export interface RunModel {
  predict: Predictor
  dispose(): void
}

/**
 * Changes whenever training saves the model again (time and size of every
 * file), so cached predictions of an older model are never served.
 */
export async function modelStamp(files: RunFiles, runName: string): Promise<string> {
  const json = await readModelJson(files, runName)
  return files.stamp(modelFolder, [modelJsonName, ...weightFileNames(json, { name: runName })])
}

async function readModelJson(files: RunFiles, runName: string): Promise<string> {
  const bytes = await files.read(modelFolder, modelJsonName)
  if (!bytes) {
    throw new LabError(
      'not_found',
      `Run "${runName}" has no trained model to evaluate yet. Training saves the model after each finished epoch; train the run for at least one epoch, then evaluate it.`,
      { key: 'evaluate.errors.noModel', params: { name: runName } }
    )
  }
  return textOf(bytes)
}

/** Loads model.json and its weight files from the run's model folder, for tf.loadLayersModel. */
export function folderModelHandler(files: RunFiles, runName: string): tf.io.IOHandler {
  return {
    load: async () => {
      const text = await readModelJson(files, runName)
      const json = JSON.parse(text) as tf.io.ModelJSON
      const specs = json.weightsManifest.flatMap((group) => group.weights)
      const buffers: Uint8Array[] = []
      for (const name of weightFileNames(text, { name: runName })) {
        const bytes = await files.read(modelFolder, name)
        if (!bytes) {
          throw new LabError(
            'io_error',
            `The model of run "${runName}" lacks its weight file ${name}. Train the run again to save a complete model.`,
            { key: 'runs.errors.missingWeights', params: { name: runName, file: name } }
          )
        }
        buffers.push(bytes)
      }
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        weightSpecs: specs,
        weightData: concat(buffers)
      }
    }
  }
}

function concat(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((n, p) => n + p.byteLength, 0)
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return out.buffer
}

/**
 * `scaling` maps each raw byte to the model's input (the 256-entry table that
 * training used), so evaluation sees exactly the numbers training saw.
 */
export async function loadRunModel(
  files: RunFiles,
  runName: string,
  scaling: Float32Array
): Promise<RunModel> {
  let model: tf.LayersModel
  try {
    model = await tf.loadLayersModel(folderModelHandler(files, runName))
  } catch (error) {
    if (error instanceof LabError) throw error
    throw new LabError(
      'io_error',
      `The saved model of run "${runName}" could not be read (${error instanceof Error ? error.message : String(error)}). Train the run again to save it afresh.`,
      { key: 'runs.errors.modelUnreadable', params: { name: runName } }
    )
  }
  return { predict: predictorFor(model, scaling), dispose: () => model.dispose() }
}

/** Scales, predicts and applies softmax, unless the model already ends in one. */
export function predictorFor(model: tf.LayersModel, scaling: Float32Array): Predictor {
  const last = model.layers[model.layers.length - 1]
  const endsInSoftmax = last?.getConfig().activation === 'softmax'
  return async (images, count) => {
    const x = new Float32Array(count * imagePixels)
    for (let i = 0; i < x.length; i++) x[i] = scaling[images[i]]
    const probabilities = tf.tidy(() => {
      const output = model.predict(tf.tensor2d(x, [count, imagePixels])) as tf.Tensor2D
      return endsInSoftmax ? output : tf.softmax(output)
    })
    try {
      return (await probabilities.data()) as Float32Array
    } finally {
      probabilities.dispose()
    }
  }
}
