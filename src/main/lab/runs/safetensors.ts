/**
 * The safetensors file format (Hugging Face), float32 only, written to its published spec:
 * an unsigned 64-bit little-endian header length, a JSON header naming each tensor's dtype,
 * shape and byte range, then the tensors' bytes, little-endian and row-major, back to back.
 * No maintained npm package writes it; PyTorch's `safetensors.torch.load_file` reads this.
 */
import { LabError } from '../../../shared/contract'

export interface NamedTensor {
  name: string
  shape: number[]
  values: Float32Array
}

interface HeaderEntry {
  dtype: string
  shape: number[]
  data_offsets: [number, number]
}

const metadataKey = '__metadata__'
/** The reference implementation pads the header with spaces so the data starts 8-aligned. */
const alignment = 8
/** The reference reader refuses larger headers; ours are a few hundred bytes. */
const maxHeaderBytes = 100 * 1024 * 1024

function product(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1)
}

export function encodeSafetensors(
  tensors: NamedTensor[],
  metadata: Record<string, string> = {}
): Uint8Array {
  const header: Record<string, HeaderEntry | Record<string, string>> = {}
  if (Object.keys(metadata).length > 0) header[metadataKey] = metadata
  let offset = 0
  for (const tensor of tensors) {
    if (tensor.name === metadataKey || tensor.name in header) {
      throw new LabError('internal', `The tensor name "${tensor.name}" is used twice.`)
    }
    if (product(tensor.shape) !== tensor.values.length) {
      throw new LabError(
        'internal',
        `Tensor ${tensor.name} has ${tensor.values.length} values, not the ${product(tensor.shape)} its shape [${tensor.shape.join(', ')}] needs.`
      )
    }
    const bytes = tensor.values.length * Float32Array.BYTES_PER_ELEMENT
    header[tensor.name] = {
      dtype: 'F32',
      shape: tensor.shape,
      data_offsets: [offset, offset + bytes]
    }
    offset += bytes
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const headerLength = Math.ceil(json.length / alignment) * alignment
  const file = new Uint8Array(8 + headerLength + offset)
  const view = new DataView(file.buffer)
  view.setBigUint64(0, BigInt(headerLength), true)
  file.set(json, 8)
  file.fill(0x20, 8 + json.length, 8 + headerLength)
  let at = 8 + headerLength
  for (const tensor of tensors) {
    for (let i = 0; i < tensor.values.length; i++, at += 4)
      view.setFloat32(at, tensor.values[i], true)
  }
  return file
}

export interface SafetensorsFile {
  metadata: Record<string, string>
  tensors: NamedTensor[]
}

/** Reads a float32 safetensors file, checking every range against the spec's rules. */
export function decodeSafetensors(bytes: Uint8Array, file = 'the file'): SafetensorsFile {
  const bad = (why: string): LabError =>
    new LabError('invalid_request', `${file} is not a float32 safetensors file: ${why}.`)
  if (bytes.length < 8) throw bad('it is shorter than the 8-byte header length')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = Number(view.getBigUint64(0, true))
  if (headerLength > maxHeaderBytes || 8 + headerLength > bytes.length) {
    throw bad(`its header length ${headerLength} does not fit in ${bytes.length} bytes`)
  }
  let header: Record<string, unknown>
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<
      string,
      unknown
    >
  } catch {
    throw bad('its header is not JSON')
  }
  const dataStart = 8 + headerLength
  const dataLength = bytes.length - dataStart
  const metadata = (header[metadataKey] ?? {}) as Record<string, string>
  const entries = Object.entries(header)
    .filter(([name]) => name !== metadataKey)
    .map(([name, entry]) => ({ name, ...(entry as HeaderEntry) }))
    .sort((a, b) => a.data_offsets[0] - b.data_offsets[0])
  let expectedStart = 0
  const tensors = entries.map(({ name, dtype, shape, data_offsets: [begin, end] }) => {
    if (dtype !== 'F32') throw bad(`tensor ${name} is ${dtype}`)
    if (begin !== expectedStart) throw bad(`tensor ${name} does not start where the last ended`)
    if (end - begin !== product(shape) * 4) throw bad(`tensor ${name} has the wrong byte length`)
    if (end > dataLength) throw bad(`tensor ${name} reaches past the end of the file`)
    expectedStart = end
    const values = new Float32Array(product(shape))
    for (let i = 0; i < values.length; i++) {
      values[i] = view.getFloat32(dataStart + begin + i * 4, true)
    }
    return { name, shape, values }
  })
  if (expectedStart !== dataLength) throw bad('its data has bytes no tensor claims')
  return { metadata, tensors }
}
