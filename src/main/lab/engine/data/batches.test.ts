import { describe, expect, it } from 'vitest'
import { BatchGatherer, type PreparedSplit } from './batches'

function split(count: number, inputSize: number): PreparedSplit {
  return {
    x: Float32Array.from({ length: count * inputSize }, (_, i) => i),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 3),
    count,
    inputSize
  }
}

describe('BatchGatherer', () => {
  it.each([8, 11, 3])('gathers rows and their transpose for a batch of %d', (batchSize) => {
    const data = split(40, 5)
    const order = Int32Array.from({ length: 40 }, (_, i) => (i * 7) % 40)
    const gatherer = new BatchGatherer(data, batchSize, true)
    const start = 30
    const b = gatherer.gather(order, start)
    expect(b.size).toBe(Math.min(batchSize, 40 - start))
    for (let r = 0; r < b.size; r++) {
      const row = order[start + r]!
      expect(b.labels[r]).toBe(row % 3)
      for (let j = 0; j < 5; j++) {
        expect(b.x[r * 5 + j]).toBe(row * 5 + j)
        expect(b.xT![j * b.size + r]).toBe(row * 5 + j)
      }
    }
    expect(b.xT!.length).toBe(b.size * 5)
  })

  it('leaves out the transposed copy unless asked', () => {
    const b = new BatchGatherer(split(4, 2), 4).gather(Int32Array.of(0, 1, 2, 3), 0)
    expect(b.xT).toBeNull()
  })
})
