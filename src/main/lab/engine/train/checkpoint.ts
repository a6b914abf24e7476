/**
 * The run's model/ and checkpoint/ as files: the tfjs layers format (model.json
 * + weights.bin, readable by tf.loadLayersModel) written by us, since tfjs-node's
 * file:// handler is absent on wasm. The bytes go to the host through RunFiles,
 * which replaces each folder atomically; nothing here touches the disk.
 */
import * as tf from '@tensorflow/tfjs'
import type { OptimizerName } from '../../../../shared/contract'
import { checkpointFolder, modelFolder, modelJsonName } from '../../runs/model-files'
import { progressFileName as progressJson, type CheckpointProgress } from '../../runs/layout'
import { bytesOf, textOf, type RunFiles } from '../run-files'
import type { OptimizerState } from '../step/optimizers'

export const modelDirName = modelFolder
export const checkpointDirName = checkpointFolder
const modelJson = modelJsonName
const weightsBin = 'weights.bin'
const optimizerJson = 'optimizer.json'
const optimizerBin = 'optimizer.bin'
const bestWeightsBin = 'best-weights.bin'

export type { CheckpointProgress }

interface OptimizerFile {
  name: OptimizerName
  step: number
  shapes: number[][]
}

/** Writes the model in tfjs layers format as the run's model/ folder. */
export async function saveModel(model: tf.LayersModel, files: RunFiles): Promise<void> {
  await files.writeFolder(modelDirName, await modelFiles(model))
}

/** Writes weights, optimizer state and progress as the run's checkpoint/ folder. */
export async function saveCheckpoint(
  model: tf.LayersModel,
  optimizer: OptimizerState,
  progress: CheckpointProgress,
  files: RunFiles,
  bestWeights: tf.Tensor[] | null = null
): Promise<void> {
  const folder = await modelFiles(model)
  if (bestWeights) {
    folder.set(bestWeightsBin, new Uint8Array((await concatenate(bestWeights)).buffer))
    progress = { ...progress, bestWeightShapes: bestWeights.map((w) => w.shape) }
  }
  const file: OptimizerFile = {
    name: optimizer.name,
    step: optimizer.step,
    shapes: optimizer.slots.map((s) => s.shape)
  }
  const values = await concatenate(optimizer.slots)
  folder.set(optimizerJson, bytesOf(JSON.stringify(file)))
  folder.set(optimizerBin, new Uint8Array(values.buffer))
  folder.set(progressJson, bytesOf(JSON.stringify(progress)))
  await files.writeFolder(checkpointDirName, folder)
}

export interface LoadedCheckpoint {
  progress: CheckpointProgress
  /** Weight values in the model's weight order; the caller disposes them. */
  weights: tf.Tensor[]
  optimizer: OptimizerState
  /** The best epoch's weights, when the checkpoint kept them apart; the caller disposes them. */
  bestWeights: tf.Tensor[] | null
}

export async function loadCheckpoint(files: RunFiles): Promise<LoadedCheckpoint> {
  const read = async (name: string): Promise<Uint8Array> => {
    const bytes = await files.read(checkpointDirName, name)
    if (!bytes) throw new Error(`${checkpointDirName}/${name} is missing`)
    return bytes
  }
  const progress = JSON.parse(textOf(await read(progressJson))) as CheckpointProgress
  const weights = await readWeights(read)
  const file = JSON.parse(textOf(await read(optimizerJson))) as OptimizerFile
  const slots = split(await read(optimizerBin), file.shapes)
  const bestWeights = progress.bestWeightShapes
    ? split(await read(bestWeightsBin), progress.bestWeightShapes)
    : null
  return { progress, weights, optimizer: { name: file.name, step: file.step, slots }, bestWeights }
}

/** Float32 values of several tensors end to end. */
/** Read asynchronously: a synchronous read loses SwiftShader's WebGPU device. */
async function concatenate(tensors: tf.Tensor[]): Promise<Float32Array> {
  const values = new Float32Array(tensors.reduce((n, t) => n + t.size, 0))
  let offset = 0
  for (const tensor of tensors) {
    values.set(await tensor.data(), offset)
    offset += tensor.size
  }
  return values
}

/** The inverse of concatenate: tensors of the given shapes from raw float32 bytes. */
function split(raw: Uint8Array, shapes: number[][]): tf.Tensor[] {
  // A copy: the bytes may sit at an offset of a larger buffer that Float32Array cannot view.
  const values = new Float32Array(raw.slice().buffer)
  let offset = 0
  return shapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1)
    const tensor = tf.tensor(values.subarray(offset, offset + size), shape)
    offset += size
    return tensor
  })
}

/** Reads weights.bin of a model folder as tensors, in the order model.json lists them. */
async function readWeights(read: (name: string) => Promise<Uint8Array>): Promise<tf.Tensor[]> {
  const json = JSON.parse(textOf(await read(modelJson))) as tf.io.ModelJSON
  const specs = json.weightsManifest.flatMap((group) => group.weights)
  const raw = await read(weightsBin)
  const buffer = raw.slice().buffer
  const named = tf.io.decodeWeights(buffer, specs)
  return specs.map((spec) => named[spec.name]!)
}

/** model.json and weights.bin of a model, as bytes by file name. */
async function modelFiles(model: tf.LayersModel): Promise<Map<string, Uint8Array>> {
  let artifacts: tf.io.ModelArtifacts | null = null
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
    })
  )
  const saved = artifacts as tf.io.ModelArtifacts | null
  if (!saved || !saved.weightSpecs || !saved.weightData) {
    throw new Error('tfjs handed over no weights to save.')
  }
  const weightData = tf.io.CompositeArrayBuffer.join(saved.weightData)
  const json: tf.io.ModelJSON = {
    modelTopology: saved.modelTopology as object,
    format: 'layers-model',
    generatedBy: saved.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    weightsManifest: [{ paths: [weightsBin], weights: saved.weightSpecs }]
  }
  return new Map([
    [modelJson, bytesOf(JSON.stringify(json))],
    [weightsBin, new Uint8Array(weightData)]
  ])
}
