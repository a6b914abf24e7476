/**
 * The run folder's model/ and checkpoint/. tfjs-node's file:// handler is absent
 * on wasm, so we write the tfjs layers format ourselves (model.json +
 * weights.bin, readable by tf.loadLayersModel). Folders are written beside the
 * target and renamed into place, so a reader sees the old folder or the new one.
 */
import * as tf from '@tensorflow/tfjs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { replaceDirectory, tempPathFor } from '../../fs-atomic'
import type { OptimizerState } from '../step/optimizers'
import type { OptimizerName } from '../../../../shared/contract'
import type { EarlyStoppingState } from './early-stopping'

export const modelDirName = 'model'
export const checkpointDirName = 'checkpoint'
const modelJson = 'model.json'
const weightsBin = 'weights.bin'
const optimizerJson = 'optimizer.json'
const optimizerBin = 'optimizer.bin'
const progressJson = 'progress.json'
const bestWeightsBin = 'best-weights.bin'

export interface CheckpointProgress {
  /** Epochs completed when the checkpoint was written. */
  epoch: number
  /** Optimizer steps taken. */
  steps: number
  /** Runs with a validation split: which epoch was best so far (absent in older checkpoints). */
  earlyStopping?: EarlyStoppingState
  /** Shapes of the best epoch's weights in best-weights.bin, when they differ from the latest. */
  bestWeightShapes?: number[][]
}

interface OptimizerFile {
  name: OptimizerName
  step: number
  shapes: number[][]
}

/** Writes the model in tfjs layers format into `<runDir>/model/`. */
export async function saveModel(model: tf.LayersModel, runDir: string): Promise<void> {
  await replaceFolder(join(runDir, modelDirName), (dir) => writeModelFiles(model, dir))
}

/** Writes weights, optimizer state and progress into `<runDir>/checkpoint/`. */
export async function saveCheckpoint(
  model: tf.LayersModel,
  optimizer: OptimizerState,
  progress: CheckpointProgress,
  runDir: string,
  bestWeights: tf.Tensor[] | null = null
): Promise<void> {
  await replaceFolder(join(runDir, checkpointDirName), async (dir) => {
    if (bestWeights) {
      await writeFile(join(dir, bestWeightsBin), new Uint8Array(concatenate(bestWeights).buffer))
      progress = { ...progress, bestWeightShapes: bestWeights.map((w) => w.shape) }
    }
    await writeModelFiles(model, dir)
    const file: OptimizerFile = {
      name: optimizer.name,
      step: optimizer.step,
      shapes: optimizer.slots.map((s) => s.shape)
    }
    const values = concatenate(optimizer.slots)
    await writeFile(join(dir, optimizerJson), JSON.stringify(file))
    await writeFile(join(dir, optimizerBin), new Uint8Array(values.buffer))
    await writeFile(join(dir, progressJson), JSON.stringify(progress))
  })
}

export interface LoadedCheckpoint {
  progress: CheckpointProgress
  /** Weight values in the model's weight order; the caller disposes them. */
  weights: tf.Tensor[]
  optimizer: OptimizerState
  /** The best epoch's weights, when the checkpoint kept them apart; the caller disposes them. */
  bestWeights: tf.Tensor[] | null
}

export async function loadCheckpoint(runDir: string): Promise<LoadedCheckpoint> {
  const dir = join(runDir, checkpointDirName)
  const progress = JSON.parse(await readFile(join(dir, progressJson), 'utf8')) as CheckpointProgress
  const weights = await readWeights(dir)
  const file = JSON.parse(await readFile(join(dir, optimizerJson), 'utf8')) as OptimizerFile
  const slots = split(await readFile(join(dir, optimizerBin)), file.shapes)
  const bestWeights = progress.bestWeightShapes
    ? split(await readFile(join(dir, bestWeightsBin)), progress.bestWeightShapes)
    : null
  return { progress, weights, optimizer: { name: file.name, step: file.step, slots }, bestWeights }
}

/** Float32 values of several tensors end to end. */
function concatenate(tensors: tf.Tensor[]): Float32Array {
  const values = new Float32Array(tensors.reduce((n, t) => n + t.size, 0))
  let offset = 0
  for (const tensor of tensors) {
    values.set(tensor.dataSync(), offset)
    offset += tensor.size
  }
  return values
}

/** The inverse of concatenate: tensors of the given shapes from raw float32 bytes. */
function split(raw: Buffer, shapes: number[][]): tf.Tensor[] {
  const values = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength))
  let offset = 0
  return shapes.map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1)
    const tensor = tf.tensor(values.subarray(offset, offset + size), shape)
    offset += size
    return tensor
  })
}

/** Reads weights.bin of a model folder as tensors, in the order model.json lists them. */
async function readWeights(dir: string): Promise<tf.Tensor[]> {
  const json = JSON.parse(await readFile(join(dir, modelJson), 'utf8')) as tf.io.ModelJSON
  const specs = json.weightsManifest.flatMap((group) => group.weights)
  const raw = await readFile(join(dir, weightsBin))
  const buffer = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)
  const named = tf.io.decodeWeights(buffer, specs)
  return specs.map((spec) => named[spec.name]!)
}

async function writeModelFiles(model: tf.LayersModel, dir: string): Promise<void> {
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
  await writeFile(join(dir, modelJson), JSON.stringify(json))
  await writeFile(join(dir, weightsBin), new Uint8Array(weightData))
}

/**
 * Fills a temp folder, then swaps it in for the target. A failed swap puts the
 * old folder back: losing the last checkpoint would make the run unresumable.
 */
async function replaceFolder(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const temp = tempPathFor(target)
  await mkdir(temp, { recursive: true })
  try {
    await fill(temp)
    await replaceDirectory(temp, target)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
}
