import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  encodeIdxImages,
  encodeIdxLabels,
  IdxError,
  parseIdxImages,
  parseIdxLabels,
  readIdxBytes,
  writeIdxFile,
  type IdxProblem
} from './idx'
import { parseIdxSet } from './idx-set'
import { fixtureIdx, fixtureSplit } from './testing/fixtures'

function problemOf(run: () => unknown): { problem: IdxProblem; file: string; message: string } {
  try {
    run()
  } catch (error) {
    if (error instanceof IdxError)
      return { problem: error.problem, file: error.file, message: error.message }
    throw error
  }
  throw new Error('expected an IdxError')
}

const split = fixtureSplit(5, 10)
const imagesIdx = encodeIdxImages({ count: 5, rows: 28, cols: 28, pixels: split.images })
const labelsIdx = encodeIdxLabels(split.labels)

describe('IDX parsing', () => {
  it('reads back what the writer wrote', () => {
    const images = parseIdxImages(imagesIdx, 'train-images')
    expect(images).toMatchObject({ count: 5, rows: 28, cols: 28 })
    expect(images.pixels).toEqual(split.images)
    expect(parseIdxLabels(labelsIdx, 'train-labels').labels).toEqual(split.labels)
  })

  it('rejects a labels file given as images, naming the file and what it is', () => {
    const found = problemOf(() => parseIdxImages(labelsIdx, 'train-images-idx3-ubyte'))
    expect(found.problem).toBe('bad-magic')
    expect(found.message).toMatch(/^train-images-idx3-ubyte: .*2051.*2049.*labels file/)
  })

  it('rejects a truncated body and says how much is missing', () => {
    const found = problemOf(() =>
      parseIdxImages(imagesIdx.subarray(0, imagesIdx.length - 1), 'x.idx')
    )
    expect(found).toMatchObject({ problem: 'truncated', file: 'x.idx' })
    expect(found.message).toContain(`${imagesIdx.length - 1} bytes`)
  })

  it('rejects a header cut short', () => {
    expect(problemOf(() => parseIdxLabels(labelsIdx.subarray(0, 6), 'l')).problem).toBe('truncated')
    expect(problemOf(() => parseIdxImages(imagesIdx.subarray(0, 2), 'i')).problem).toBe('truncated')
  })

  it('rejects bytes beyond what the header announces', () => {
    const longer = new Uint8Array(labelsIdx.length + 3)
    longer.set(labelsIdx)
    expect(problemOf(() => parseIdxLabels(longer, 'l')).problem).toBe('trailing-bytes')
  })

  it('rejects images that are not 28x28', () => {
    const small = encodeIdxImages({ count: 1, rows: 8, cols: 8, pixels: new Uint8Array(64) })
    const found = problemOf(() => parseIdxImages(small, 'small'))
    expect(found.problem).toBe('bad-dimensions')
    expect(found.message).toContain('8x8')
    expect(parseIdxImages(small, 'small', {}).rows).toBe(8)
  })

  it('rejects labels out of range and image/label counts that disagree', () => {
    expect(problemOf(() => parseIdxLabels(labelsIdx, 'l', { classCount: 3 })).problem).toBe(
      'label-out-of-range'
    )
    expect(problemOf(() => parseIdxLabels(labelsIdx, 'l', { count: 6 })).problem).toBe(
      'count-mismatch'
    )
  })
})

describe('IDX set', () => {
  const names = {
    trainImages: 'train-images',
    trainLabels: 'train-labels',
    testImages: 'test-images',
    testLabels: 'test-labels'
  }

  it('parses four consistent files and counts the classes the labels use', () => {
    const set = parseIdxSet(fixtureIdx(30, 10, 4), names)
    expect(set.train.count).toBe(30)
    expect(set.test.count).toBe(10)
    expect(set.labelClassCount).toBe(4)
  })

  it('names the labels file whose count disagrees with its images', () => {
    const idx = fixtureIdx(30, 10)
    idx.testLabels = fixtureIdx(30, 11).testLabels
    expect(() => parseIdxSet(idx, names)).toThrow(/^test-labels: holds 11 labels but .* 10 images/)
  })
})

describe('IDX files', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idx-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('reads raw and gzip files alike', async () => {
    await writeIdxFile(join(dir, 'a'), labelsIdx, false)
    await writeIdxFile(join(dir, 'a.gz'), labelsIdx, true)
    const plain = (bytes: Uint8Array): number[] => Array.from(bytes)
    expect(plain(await readIdxBytes(join(dir, 'a')))).toEqual(plain(labelsIdx))
    expect(plain(await readIdxBytes(join(dir, 'a.gz')))).toEqual(plain(labelsIdx))
  })

  it('reports damaged gzip and missing files by name', async () => {
    const gz = gzipSync(labelsIdx)
    await writeFile(join(dir, 'cut.gz'), gz.subarray(0, gz.length - 10))
    await expect(readIdxBytes(join(dir, 'cut.gz'))).rejects.toMatchObject({
      code: 'dataset_invalid',
      problem: 'bad-gzip',
      file: 'cut.gz'
    })
    await expect(readIdxBytes(join(dir, 'nope'))).rejects.toMatchObject({
      problem: 'unreadable',
      file: 'nope'
    })
  })
})
