import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { labPaths, type LabPaths } from '../paths'
import { installDataset, listDatasets, sweepAbandoned } from './cache'

let home: string
let paths: LabPaths

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'lab-cache-'))
  paths = labPaths(home)
})

afterEach(() => rm(home, { recursive: true, force: true }))

const state = async (id: string): Promise<string | undefined> =>
  (await listDatasets(paths)).find((d) => d.id === id)?.state

describe('the dataset cache', () => {
  it('does not count a half-written folder as a dataset', async () => {
    await mkdir(join(paths.datasets, '.staging-mnist-0a1b2c'), { recursive: true })
    await writeFile(join(paths.datasets, '.staging-mnist-0a1b2c', 'train-images-idx3-ubyte'), 'x')
    // A folder without dataset.json (say, copied in by hand) is not one either.
    await mkdir(join(paths.datasets, 'mnist'))
    expect(await state('mnist')).toBe('not-downloaded')
  })

  it('leaves the cache as it was when filling fails', async () => {
    const failing = installDataset(paths, 'broken', async (staging) => {
      await writeFile(join(staging, 'train-images-idx3-ubyte'), 'partial')
      throw new Error('disk full')
    })
    await expect(failing).rejects.toMatchObject({
      code: 'io_error',
      message: expect.stringContaining('disk full')
    })
    expect(await readdir(paths.datasets)).toEqual([])
  })

  it('sweeps staging folders abandoned by a crash, and only those', async () => {
    const old = join(paths.datasets, '.staging-mnist-old')
    const fresh = join(paths.datasets, '.staging-mnist-new')
    await mkdir(old, { recursive: true })
    await mkdir(fresh)
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000)
    await utimes(old, twoDaysAgo, twoDaysAgo)
    await sweepAbandoned(paths)
    expect(await readdir(paths.datasets)).toEqual(['.staging-mnist-new'])
  })
})
