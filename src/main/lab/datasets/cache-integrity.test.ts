/**
 * A cached file truncated or replaced behind the lab's back is caught at load
 * by the size and SHA-256 recorded when it was stored.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { labPaths } from '../paths'
import { importDataset } from './import'
import { encodeIdxLabels } from './idx'
import { evictDataset, loadDataset } from './load'
import { metaFileName } from './meta'
import { writeFixtureFolder } from './testing/fixtures'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

async function cachedFixture(): Promise<{
  paths: ReturnType<typeof labPaths>
  dir: string
  source: string
}> {
  const paths = labPaths(tempDir('lab-cache-integrity-'))
  const source = tempDir('lab-cache-source-')
  await writeFixtureFolder(source)
  const meta = await importDataset(paths, { dir: source, name: 'Checked' })
  evictDataset(meta.id)
  return { paths, dir: join(paths.datasets, meta.id), source }
}

describe('a cached dataset changed behind the lab', () => {
  it('loads while untouched', async () => {
    const { paths } = await cachedFixture()
    await expect(loadDataset(paths, '/unused', 'checked')).resolves.toMatchObject({
      name: 'Checked'
    })
    evictDataset('checked')
  })

  it('names a truncated file and offers to import the folder again', async () => {
    const { paths, dir, source } = await cachedFixture()
    const file = join(dir, 'train-images-idx3-ubyte')
    truncateSync(file, 1000)
    await expect(loadDataset(paths, '/unused', 'checked')).rejects.toMatchObject({
      code: 'dataset_invalid',
      message: expect.stringMatching(
        new RegExp(
          `^${file} has changed .*holds 1000 bytes.*import its folder again \\(${source}\\)`
        )
      )
    })
  })

  it('names a file replaced by another of the same size (caught by its hash), and offers a fresh download for a downloaded set', async () => {
    const { paths, dir } = await cachedFixture()
    const file = join(dir, 't10k-labels-idx1-ubyte')
    const labels = readFileSync(file).subarray(8)
    writeFileSync(file, encodeIdxLabels(labels.map((label) => (label + 1) % 10)))
    const metaPath = join(dir, metaFileName)
    writeFileSync(
      metaPath,
      JSON.stringify({ ...JSON.parse(readFileSync(metaPath, 'utf8')), kind: 'download' })
    )
    await expect(loadDataset(paths, '/unused', 'checked')).rejects.toMatchObject({
      code: 'dataset_invalid',
      message: expect.stringMatching(
        new RegExp(`^${file} has changed .*SHA-256.*download it again`)
      )
    })
  })
})
