import { describe, expect, it } from 'vitest'
import { BatchGatherer, prepareSplit } from './batches'
import { fittedScalingTable } from '../../../../shared/scaling'
import { augmentRows } from './augment'
import { drawAugmentation, transformImage } from '../../../../shared/augmentation'
import { mnistSample } from '../testing/mnist-sample'

const sample = mnistSample()
const table = fittedScalingTable('unit', sample.train.images)
const train = prepareSplit(
  sample.train,
  table,
  Int32Array.from({ length: 600 }, (_, i) => i)
)
const settings = { shift: 2, rotate: 10, scale: 0.1 }
const order = Int32Array.from({ length: 600 }, (_, i) => (i * 37) % 600)

function gatherAll(batchSize: number, seed: number, epoch: number) {
  const gatherer = new BatchGatherer(
    train,
    batchSize,
    true,
    augmentRows(settings, seed, train, table[0]!)
  )
  const x: number[][] = []
  const labels: number[] = []
  for (let start = 0; start < order.length; start += batchSize) {
    const b = gatherer.gather(order, start, epoch)
    for (let r = 0; r < b.size; r++) {
      x.push([...b.x.subarray(r * 784, (r + 1) * 784)])
      labels.push(b.labels[r]!)
      // The transposed copy the fast MLP multiplies by holds the augmented rows too.
      expect(b.xT![200 * b.size + r]).toBe(b.x[r * 784 + 200])
    }
  }
  return { x, labels }
}

describe('augmented batches', () => {
  it('keep every label and are the same for a seed, whatever the batch size', () => {
    const a = gatherAll(64, 9, 1)
    const b = gatherAll(100, 9, 1)
    expect(a.labels).toEqual([...order].map((row) => train.labels[row]))
    expect(b.labels).toEqual(a.labels)
    expect(b.x).toEqual(a.x)
  })

  it('change the images, differently per epoch and seed, within the pixel range', () => {
    const plain = [...order.subarray(0, 5)].map((row) => [
      ...train.x.subarray(row * 784, (row + 1) * 784)
    ])
    const first = gatherAll(64, 9, 1).x.slice(0, 5)
    expect(first).not.toEqual(plain)
    expect(gatherAll(64, 9, 2).x.slice(0, 5)).not.toEqual(first)
    expect(gatherAll(64, 10, 1).x.slice(0, 5)).not.toEqual(first)
    for (const image of first) for (const v of image) expect(v >= 0 && v <= 1).toBe(true)
  })

  it('are off when every transform is 0', () => {
    expect(augmentRows({ shift: 0, rotate: 0, scale: 0 }, 1, train, 0)).toBeNull()
    expect(augmentRows(undefined, 1, train, 0)).toBeNull()
  })

  it('sample only near the digit, and give the same values bit for bit as sampling every pixel', () => {
    // Larger than the image once widened: a box that skips no pixel.
    const everywhere = { x0: -100, x1: 100, y0: -100, y1: 100 }
    const largest = { shift: 8, rotate: 45, scale: 0.5 }
    for (let row = 0; row < train.count; row++) {
      const image = train.x.subarray(row * 784, (row + 1) * 784)
      for (const limits of [settings, largest]) {
        const draw = drawAugmentation(limits, 3, 1, row)
        const fast = new Float32Array(784).fill(NaN)
        transformImage(image, fast, draw, 0)
        const full = new Float32Array(784)
        transformImage(image, full, draw, 0, everywhere)
        expect(fast).toEqual(full)
      }
    }
  })
})
