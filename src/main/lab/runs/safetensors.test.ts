import { describe, expect, it } from 'vitest'
import { decodeSafetensors, encodeSafetensors } from './safetensors'

const tensors = [
  { name: 'fc1.weight', shape: [2, 3], values: Float32Array.from([1, 2, 3, 4, 5, -6.5]) },
  { name: 'fc1.bias', shape: [2], values: Float32Array.from([0.25, -1e-7]) }
]

describe('safetensors', () => {
  it('lays the file out as the spec says: u64 LE header length, JSON header, LE float32 data', () => {
    const bytes = encodeSafetensors(tensors, { format: 'pt' })
    const view = new DataView(bytes.buffer)
    const headerLength = Number(view.getBigUint64(0, true))
    expect((8 + headerLength) % 8).toBe(0)
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)))
    expect(header).toEqual({
      __metadata__: { format: 'pt' },
      'fc1.weight': { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] },
      'fc1.bias': { dtype: 'F32', shape: [2], data_offsets: [24, 32] }
    })
    expect(bytes.length).toBe(8 + headerLength + 32)
    // Row-major, little-endian: the last weight is at bytes 20..24 of the data.
    expect(view.getFloat32(8 + headerLength + 20, true)).toBe(-6.5)
  })

  it('reads back what it wrote', () => {
    const file = decodeSafetensors(encodeSafetensors(tensors, { format: 'pt' }))
    expect(file.metadata).toEqual({ format: 'pt' })
    expect(file.tensors.map((t) => [t.name, t.shape, Array.from(t.values)])).toEqual(
      tensors.map((t) => [t.name, t.shape, Array.from(t.values)])
    )
  })

  it('refuses a cut-short file and a tensor whose values do not fill its shape', () => {
    const bytes = encodeSafetensors(tensors)
    expect(() => decodeSafetensors(bytes.subarray(0, bytes.length - 4), 'w.safetensors')).toThrow(
      'w.safetensors is not a float32 safetensors file: tensor fc1.bias reaches past the end of the file.'
    )
    expect(() =>
      encodeSafetensors([{ name: 'x', shape: [2, 2], values: new Float32Array(3) }])
    ).toThrow(/Tensor x has 3 values, not the 4 its shape \[2, 2\] needs/)
  })
})
