/**
 * Shapes and parameter counts of a model spec, computed without tfjs so the
 * renderer can draw the layer diagram and show the size while the user edits.
 * engine/model/model.ts builds exactly these layers; a test checks the two agree.
 */
import type { Activation, DenseLayerSpec, ModelSpec } from './contract/training'
import { classCount, imagePixels } from './image'

export interface LayerSummary {
  kind: 'input' | 'reshape' | 'dense' | 'dropout' | 'conv2d' | 'maxPool' | 'flatten'
  /** What the diagram prints, e.g. "Dense 64, relu". */
  label: string
  /** Output shape without the batch dimension. */
  outputShape: number[]
  parameters: number
  activation?: Activation | 'linear'
}

/** The seed's model: 784-64-64-64-10, ReLU, no dropout. */
export const defaultModelSpec: ModelSpec = {
  kind: 'mlp',
  hidden: [64, 64, 64].map((units) => ({ units, activation: 'relu' as const, dropout: 0 }))
}

/** The second choice: two conv + pool blocks and a dense head. */
export const defaultCnnSpec: ModelSpec = { kind: 'cnn', filters: [16, 32], dense: 64, dropout: 0 }

/** The CNN's convolutions are 3x3 with 'same' padding, each followed by a 2x2 max pool. */
export const cnnKernelSize = 3

export function modelSummary(
  spec: ModelSpec,
  inputSize = imagePixels,
  classes = classCount
): LayerSummary[] {
  const layers: LayerSummary[] = [
    { kind: 'input', label: `Input ${inputSize}`, outputShape: [inputSize], parameters: 0 }
  ]
  if (spec.kind === 'mlp') {
    let width = inputSize
    for (const layer of spec.hidden) {
      layers.push(denseSummary(width, layer))
      if (layer.dropout > 0) layers.push(dropoutSummary(layer.units, layer.dropout))
      width = layer.units
    }
    layers.push(outputSummary(width, classes))
    return layers
  }
  const side = Math.round(Math.sqrt(inputSize))
  if (side * side !== inputSize) {
    throw new Error(`A CNN needs square images; ${inputSize} inputs are not a square.`)
  }
  layers.push({
    kind: 'reshape',
    label: `Reshape ${side}x${side}x1`,
    outputShape: [side, side, 1],
    parameters: 0
  })
  let [height, width, channels] = [side, side, 1]
  for (const filters of spec.filters) {
    layers.push({
      kind: 'conv2d',
      label: `Conv ${cnnKernelSize}x${cnnKernelSize}, ${filters} filters, relu`,
      outputShape: [height, width, filters],
      parameters: cnnKernelSize * cnnKernelSize * channels * filters + filters,
      activation: 'relu'
    })
    channels = filters
    // Keras' 'valid' pooling floors odd sizes.
    height = Math.floor(height / 2)
    width = Math.floor(width / 2)
    layers.push({
      kind: 'maxPool',
      label: 'Max pool 2x2',
      outputShape: [height, width, channels],
      parameters: 0
    })
  }
  const flat = height * width * channels
  layers.push({ kind: 'flatten', label: `Flatten ${flat}`, outputShape: [flat], parameters: 0 })
  layers.push(denseSummary(flat, { units: spec.dense, activation: 'relu', dropout: spec.dropout }))
  if (spec.dropout > 0) layers.push(dropoutSummary(spec.dense, spec.dropout))
  layers.push(outputSummary(spec.dense, classes))
  return layers
}

export function parameterCount(
  spec: ModelSpec,
  inputSize = imagePixels,
  classes = classCount
): number {
  return modelSummary(spec, inputSize, classes).reduce((sum, layer) => sum + layer.parameters, 0)
}

function denseSummary(inputs: number, layer: DenseLayerSpec): LayerSummary {
  return {
    kind: 'dense',
    label: `Dense ${layer.units}, ${layer.activation}`,
    outputShape: [layer.units],
    parameters: inputs * layer.units + layer.units,
    activation: layer.activation
  }
}

function dropoutSummary(units: number, rate: number): LayerSummary {
  return { kind: 'dropout', label: `Dropout ${rate}`, outputShape: [units], parameters: 0 }
}

function outputSummary(inputs: number, classes: number): LayerSummary {
  return {
    kind: 'dense',
    label: `Dense ${classes}, logits`,
    outputShape: [classes],
    parameters: inputs * classes + classes,
    activation: 'linear'
  }
}
