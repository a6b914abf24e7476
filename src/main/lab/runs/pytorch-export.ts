/**
 * A run's trained weights under PyTorch's names and layouts, for the seed notebook's model:
 * `model.load_state_dict(safetensors.torch.load_file(path))`. Read from the saved tfjs model
 * (model.json + weights.bin, as read by saved-model.ts) without loading tfjs.
 *
 * Layouts differ: a tfjs Dense kernel is [in, out], a torch Linear weight [out, in]; a tfjs
 * Conv2D kernel is [h, w, in, out], a torch Conv2d weight [out, in, h, w]; and tfjs flattens
 * feature maps channels-last (h, w, c) where torch flattens channels-first (c, h, w), so the
 * first Linear after the convolutions takes its inputs in another order.
 */
import { LabError, type ModelSpec, type RunRecord, type Scaling } from '../../../shared/contract'
import { cnnKernelSize } from '../../../shared/model-summary'
import { imageSide } from '../../../shared/image'
import { encodeSafetensors, type NamedTensor } from './safetensors'
import { damagedModel } from './model-files'
import type { SavedModel } from './saved-model'

interface WeightSpec {
  name: string
  shape: number[]
  dtype: string
}

/**
 * How to scale an image for the model, as the run did (src/shared/scaling.ts fits each
 * scaling on the training pixels; MNIST's span 0..255).
 */
const scalingInPyTorch: Record<Scaling, string> = {
  none: 'raw pixel values as float32',
  unit: '(pixels - min) / (max - min) of the training pixels: pixels / 255 for MNIST, as torchvision transforms.ToTensor() does',
  symmetric:
    '2 * (pixels - min) / (max - min) - 1 of the training pixels: pixels / 127.5 - 1 for MNIST',
  standardize: '(pixels - mean) / std, with mean and std of all training pixels'
}

const activationModules: Record<string, string> = {
  relu: 'ReLU()',
  tanh: 'Tanh()',
  sigmoid: 'Sigmoid()',
  gelu: 'GELU()'
}

/** The saved model's weights in manifest order (each layer's kernel, then its bias). */
function savedWeights(saved: SavedModel, record: RunRecord): NamedTensor[] {
  const groups = (
    JSON.parse(saved.json) as { weightsManifest: { paths: string[]; weights: WeightSpec[] }[] }
  ).weightsManifest
  // The weight files concatenated in the manifest's order hold the weights back to back.
  const bytes = Buffer.concat(
    groups.flatMap((group) =>
      group.paths.map((path) => saved.weightFiles.find((file) => file.name === path)!.bytes)
    )
  )
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 0
  const tensors = groups
    .flatMap((group) => group.weights)
    .map((spec) => {
      if (spec.dtype !== 'float32')
        throw damagedModel(record, `weight ${spec.name} is ${spec.dtype}`)
      const values = new Float32Array(spec.shape.reduce((a, b) => a * b, 1))
      if (offset + values.length * 4 > bytes.length) {
        throw damagedModel(record, 'its weight file is cut short')
      }
      for (let i = 0; i < values.length; i++, offset += 4) values[i] = view.getFloat32(offset, true)
      return { name: spec.name, shape: spec.shape, values }
    })
  if (offset !== bytes.length)
    throw damagedModel(record, 'its weight file is longer than its manifest says')
  return tensors
}

/** out[j][i] = kernel[i][j]: a [rows, cols] matrix as [cols, rows]. */
function transpose(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length)
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) out[j * rows + i] = values[i * cols + j]
  return out
}

/** tfjs [h, w, in, out] to torch [out, in, h, w]. */
function convWeight(kernel: NamedTensor): Float32Array {
  const [h, w, cin, cout] = kernel.shape
  const out = new Float32Array(kernel.values.length)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) {
          out[((o * cin + i) * h + y) * w + x] = kernel.values[((y * w + x) * cin + i) * cout + o]
        }
  return out
}

/**
 * The Linear after the convolutions: tfjs kernel rows are (h, w, c), torch weight columns are
 * (c, h, w). Returns the torch weight [out, c*h*w].
 */
function flattenedLinearWeight(kernel: NamedTensor, side: number, channels: number): Float32Array {
  const units = kernel.shape[1]
  const inputs = side * side * channels
  const out = new Float32Array(kernel.values.length)
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++)
      for (let c = 0; c < channels; c++) {
        const row = (y * side + x) * channels + c
        const column = (c * side + y) * side + x
        for (let o = 0; o < units; o++) out[o * inputs + column] = kernel.values[row * units + o]
      }
  return out
}

function expectShapes(weights: NamedTensor[], expected: number[][], record: RunRecord): void {
  const actual = weights.map((w) => w.shape.join('x')).join(', ')
  const wanted = expected.map((s) => s.join('x')).join(', ')
  if (actual !== wanted) {
    throw new LabError(
      'io_error',
      `The saved model of run "${record.name}" does not match its settings (weights ${actual}, expected ${wanted}). Train the run again to save it afresh.`,
      { key: 'runs.errors.modelMismatch', params: { name: record.name } }
    )
  }
}

interface PyTorchModel {
  tensors: NamedTensor[]
  /** The torch.nn layers these weights fit, in order. */
  layers: string[]
}

function mlpForPyTorch(
  spec: Extract<ModelSpec, { kind: 'mlp' }>,
  weights: NamedTensor[],
  record: RunRecord
): PyTorchModel {
  const inputs = weights[0]?.shape[0] ?? 0
  const sizes = [inputs, ...spec.hidden.map((l) => l.units), weights.at(-1)?.shape[0] ?? 0]
  expectShapes(
    weights,
    sizes.slice(1).flatMap((units, i) => [[sizes[i], units], [units]]),
    record
  )
  const tensors: NamedTensor[] = []
  const layers: string[] = [`x.view(N, ${inputs})`]
  for (let i = 0; i + 1 < sizes.length; i++) {
    const [kernel, bias] = [weights[2 * i], weights[2 * i + 1]]
    const name = `fc${i + 1}`
    tensors.push({
      name: `${name}.weight`,
      shape: [sizes[i + 1], sizes[i]],
      values: transpose(kernel.values, sizes[i], sizes[i + 1])
    })
    tensors.push({ name: `${name}.bias`, shape: bias.shape, values: bias.values })
    layers.push(`${name} = Linear(${sizes[i]}, ${sizes[i + 1]})`)
    const hidden = spec.hidden[i]
    if (hidden) layers.push(activationModules[hidden.activation])
    if (hidden && hidden.dropout > 0) layers.push(`Dropout(${hidden.dropout})`)
  }
  return { tensors, layers }
}

function cnnForPyTorch(
  spec: Extract<ModelSpec, { kind: 'cnn' }>,
  weights: NamedTensor[],
  record: RunRecord
): PyTorchModel {
  const [f1, f2] = spec.filters
  const k = cnnKernelSize
  const classes = weights.at(-1)?.shape[0] ?? 0
  // The image side halves at each pooling, one per convolution.
  const side = imageSide / 2 ** spec.filters.length
  expectShapes(
    weights,
    [
      [k, k, 1, f1],
      [f1],
      [k, k, f1, f2],
      [f2],
      [side * side * f2, spec.dense],
      [spec.dense],
      [spec.dense, classes],
      [classes]
    ],
    record
  )
  const [c1, b1, c2, b2, d1, e1, d2, e2] = weights
  const padding = (k - 1) / 2
  return {
    tensors: [
      { name: 'conv1.weight', shape: [f1, 1, k, k], values: convWeight(c1) },
      { name: 'conv1.bias', shape: [f1], values: b1.values },
      { name: 'conv2.weight', shape: [f2, f1, k, k], values: convWeight(c2) },
      { name: 'conv2.bias', shape: [f2], values: b2.values },
      {
        name: 'fc1.weight',
        shape: [spec.dense, side * side * f2],
        values: flattenedLinearWeight(d1, side, f2)
      },
      { name: 'fc1.bias', shape: [spec.dense], values: e1.values },
      {
        name: 'fc2.weight',
        shape: [classes, spec.dense],
        values: transpose(d2.values, spec.dense, classes)
      },
      { name: 'fc2.bias', shape: [classes], values: e2.values }
    ],
    layers: [
      `x.view(N, 1, ${imageSide}, ${imageSide})`,
      `conv1 = Conv2d(1, ${f1}, ${k}, padding=${padding})`,
      'ReLU()',
      'MaxPool2d(2)',
      `conv2 = Conv2d(${f1}, ${f2}, ${k}, padding=${padding})`,
      'ReLU()',
      'MaxPool2d(2)',
      'Flatten()',
      `fc1 = Linear(${side * side * f2}, ${spec.dense})`,
      'ReLU()',
      ...(spec.dropout > 0 ? [`Dropout(${spec.dropout})`] : []),
      `fc2 = Linear(${spec.dense}, ${classes})`
    ]
  }
}

/** The run's weights as a safetensors file named for PyTorch, with how to use them in its header. */
export function pytorchSafetensors(saved: SavedModel, record: RunRecord): Uint8Array {
  const weights = savedWeights(saved, record)
  const spec = record.config.model
  const model =
    spec.kind === 'mlp'
      ? mlpForPyTorch(spec, weights, record)
      : cnnForPyTorch(spec, weights, record)
  const accuracy = record.epochs.at(-1)?.testAccuracy
  return encodeSafetensors(model.tensors, {
    format: 'pt',
    'mnist_lab.run': `${record.id} (${record.name})`,
    'mnist_lab.layers': model.layers.join('; '),
    'mnist_lab.input': scalingInPyTorch[record.config.scaling],
    ...(accuracy === undefined ? {} : { 'mnist_lab.test_accuracy': String(accuracy) })
  })
}
