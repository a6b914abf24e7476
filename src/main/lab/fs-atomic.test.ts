import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replaceDirectory, writeFileAtomic } from './fs-atomic'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mnist-lab-fs-atomic-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function folderWith(name: string, content: string): Promise<string> {
  const path = join(dir, name)
  await mkdir(path)
  await writeFile(join(path, 'file.txt'), content)
  return path
}

describe('replaceDirectory', () => {
  it('swaps the new folder in and leaves nothing else behind', async () => {
    const target = await folderWith('checkpoint', 'old')
    const next = await folderWith('next', 'new')
    await replaceDirectory(next, target)
    expect(await readFile(join(target, 'file.txt'), 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['checkpoint'])
  })

  it('moves into place when there was no folder before', async () => {
    const next = await folderWith('next', 'new')
    await replaceDirectory(next, join(dir, 'model'))
    expect(await readdir(dir)).toEqual(['model'])
  })

  it('puts the old folder back when the new one cannot be moved in', async () => {
    const target = await folderWith('checkpoint', 'old')
    await expect(replaceDirectory(join(dir, 'missing'), target)).rejects.toMatchObject({
      code: 'ENOENT'
    })
    expect(await readFile(join(target, 'file.txt'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['checkpoint'])
  })
})

describe('writeFileAtomic', () => {
  it('creates the folder, writes the file and leaves no temp file', async () => {
    const target = join(dir, 'runs', 'a', 'run.json')
    await writeFileAtomic(target, '{}')
    expect(await readFile(target, 'utf8')).toBe('{}')
    expect(await readdir(join(dir, 'runs', 'a'))).toEqual(['run.json'])
  })
})
