import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { gunzipSync } from 'node:zlib'
import { labPaths, type LabPaths } from '../paths'
import { listDatasets, removeDataset } from './cache'
import { fashionClassNames } from './catalog'
import { roleOfFileName } from './files'
import { encodeIdxLabels } from './idx'
import { importDataset, slugify } from './import'
import { evictDataset, loadDataset } from './load'
import { fixtureIdx, writeFixtureFolder } from './testing/fixtures'

let work: string
let paths: LabPaths

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'lab-import-'))
  paths = labPaths(join(work, 'home'))
})

afterEach(() => rm(work, { recursive: true, force: true }))

const cacheEntries = (): Promise<string[]> => readdir(paths.datasets).catch(() => [])

describe('file names', () => {
  it('recognises published, test- and dotted names, raw or gzip', () => {
    expect(roleOfFileName('train-images-idx3-ubyte.gz')).toBe('trainImages')
    expect(roleOfFileName('t10k-labels-idx1-ubyte')).toBe('testLabels')
    expect(roleOfFileName('test-images.idx3-ubyte')).toBe('testImages')
    expect(roleOfFileName('train-labels-idx3-ubyte')).toBeNull()
    expect(roleOfFileName('notes.txt')).toBeNull()
  })

  it('makes boring ids from names', () => {
    expect(slugify('  My Digits (v2) ')).toBe('my-digits-v2')
    expect(slugify('日本')).toBe('imported')
  })
})

describe('importDataset', () => {
  it('imports raw t10k- files with class names, and they load after a restart', async () => {
    const source = join(work, 'src')
    await writeFixtureFolder(source)
    const classNames = 'abcdefghij'.split('')
    const meta = await importDataset(paths, { dir: source, name: 'My Letters', classNames })
    expect(meta).toMatchObject({ id: 'my-letters', counts: { train: 30, test: 10 }, classNames })

    // A restart: nothing in memory, only the cache on disk.
    evictDataset(meta.id)
    const loaded = await loadDataset(paths, '/nowhere', meta.id)
    expect(loaded.name).toBe('My Letters')
    expect(Array.from(loaded.test.labels)).toEqual(Array.from(fixtureIdx().testLabels.subarray(8)))
    evictDataset(meta.id)

    const listed = await listDatasets(paths)
    expect(listed.find((d) => d.id === 'my-letters')).toMatchObject({
      kind: 'imported',
      state: 'ready'
    })
  })

  it('imports gzip test- files, names classes by number, and never reuses an id', async () => {
    const source = join(work, 'src')
    await writeFixtureFolder(source, { gzip: true, testPrefix: 'test', idx: fixtureIdx(12, 6, 3) })
    const first = await importDataset(paths, { dir: source, name: 'Shapes' })
    const second = await importDataset(paths, { dir: source, name: 'Shapes' })
    expect(first.classNames).toEqual(['0', '1', '2'])
    expect([first.id, second.id]).toEqual(['shapes', 'shapes-2'])
    expect(await importDataset(paths, { dir: source, name: 'MNIST' })).toMatchObject({
      id: 'mnist-2'
    })
  })

  it('leaves nothing behind when a label is out of range', async () => {
    const source = join(work, 'src')
    const idx = fixtureIdx()
    await writeFixtureFolder(source, { idx })
    await expect(
      importDataset(paths, { dir: source, name: 'Two', classNames: ['a', 'b'] })
    ).rejects.toMatchObject({
      code: 'dataset_invalid',
      message: expect.stringMatching(/^train-labels-idx1-ubyte: label number 2 is 2/)
    })
    expect(await cacheEntries()).toEqual([])
  })

  it('leaves nothing behind when counts disagree or a file is missing', async () => {
    const source = join(work, 'src')
    const idx = fixtureIdx()
    idx.trainLabels = encodeIdxLabels(new Uint8Array(29))
    const files = await writeFixtureFolder(source, { idx })
    await expect(importDataset(paths, { dir: source, name: 'Bad' })).rejects.toMatchObject({
      code: 'dataset_invalid',
      message: expect.stringContaining('train-labels-idx1-ubyte: holds 29 labels')
    })
    await rm(files.testLabels)
    await expect(importDataset(paths, { dir: source, name: 'Bad' })).rejects.toThrow(
      /lacks t10k-labels-idx1-ubyte/
    )
    expect(await cacheEntries()).toEqual([])
  })

  it('refuses a folder with two files for one part', async () => {
    const source = join(work, 'src')
    const files = await writeFixtureFolder(source)
    await writeFile(join(source, 'test-labels-idx1-ubyte.gz'), 'x')
    expect(existsSync(files.testLabels)).toBe(true)
    await expect(importDataset(paths, { dir: source, name: 'Twice' })).rejects.toThrow(/two files/)
  })

  it('refuses a raw file and its .gz twin that differ, naming the part', async () => {
    const source = join(work, 'src')
    const idx = fixtureIdx()
    await writeFixtureFolder(source, { gzip: true, idx })
    const other = fixtureIdx()
    other.trainLabels[8 + 3] = 7
    await writeFile(join(source, 'train-labels-idx1-ubyte'), other.trainLabels)
    await expect(importDataset(paths, { dir: source, name: 'Twins' })).rejects.toMatchObject({
      code: 'dataset_invalid',
      message: expect.stringMatching(
        /^The training labels come in two copies that differ: train-labels-idx1-ubyte and train-labels-idx1-ubyte\.gz/
      )
    })
    expect(await cacheEntries()).toEqual([])
  })

  it('deletes an imported dataset completely', async () => {
    const source = join(work, 'src')
    await writeFixtureFolder(source)
    const meta = await importDataset(paths, { dir: source, name: 'Gone' })
    expect(await removeDataset(paths, meta.id)).toBe(true)
    expect(await removeDataset(paths, meta.id)).toBe(false)
    expect(await cacheEntries()).toEqual([])
  })
})

const debian = '/usr/share/datasets/fashion-mnist'

/** The folder torchvision's `datasets.FashionMNIST(root, download=True)` leaves: each part as .gz and raw. */
async function torchvisionLayout(root: string): Promise<string> {
  const raw = join(root, 'FashionMNIST', 'raw')
  await mkdir(raw, { recursive: true })
  for (const name of await readdir(debian)) {
    await copyFile(join(debian, name), join(raw, name))
    await writeFile(
      join(raw, name.replace(/\.gz$/, '')),
      gunzipSync(await readFile(join(debian, name)))
    )
  }
  return raw
}

describe.skipIf(!existsSync(debian))("Debian's fashion-mnist", () => {
  it('imports and loads with 60,000 + 10,000 images', async () => {
    const meta = await importDataset(paths, {
      dir: debian,
      name: 'Fashion (Debian)',
      classNames: fashionClassNames
    })
    expect(meta.counts).toEqual({ train: 60000, test: 10000 })
    const loaded = await loadDataset(paths, '/nowhere', meta.id)
    expect(loaded.train.images.length).toBe(60000 * 784)
    expect(loaded.classNames[9]).toBe('Ankle boot')
    evictDataset(meta.id)
  })
})

describe.skipIf(!existsSync(debian))("torchvision's FashionMNIST/raw folder", () => {
  let root: string
  let raw: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lab-torchvision-'))
    raw = await torchvisionLayout(root)
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('imports when the raw and .gz copies of every part agree', async () => {
    expect((await readdir(raw)).length).toBe(8)
    const meta = await importDataset(paths, { dir: raw, name: 'FashionMNIST (torchvision)' })
    expect(meta.counts).toEqual({ train: 60000, test: 10000 })
    const loaded = await loadDataset(paths, '/nowhere', meta.id)
    const debianTest = await readFile(join(debian, 't10k-labels-idx1-ubyte.gz'))
    expect(Buffer.from(loaded.test.labels).equals(gunzipSync(debianTest).subarray(8))).toBe(true)
    evictDataset(meta.id)
  })

  it('refuses a truncated raw copy, naming the file', async () => {
    const file = join(raw, 't10k-images-idx3-ubyte')
    const whole = await readFile(file)
    await writeFile(file, whole.subarray(0, whole.length - 784 * 10))
    try {
      await expect(importDataset(paths, { dir: raw, name: 'Cut' })).rejects.toMatchObject({
        code: 'dataset_invalid',
        message: expect.stringMatching(/^t10k-images-idx3-ubyte: .*cut short/)
      })
      expect(await cacheEntries()).toEqual([])
    } finally {
      await writeFile(file, whole)
    }
  })
})
