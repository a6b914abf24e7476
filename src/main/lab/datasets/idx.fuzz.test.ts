/**
 * Property tests of the IDX reader and the importer: random headers, random
 * truncations and damaged gzip always end in an IdxError naming the file, and a
 * failed import leaves nothing in the cache.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { labPaths } from '../paths'
import { idxRoles } from './files'
import { importDataset } from './import'
import {
  decodeContainer,
  IDX_IMAGES_MAGIC,
  IDX_LABELS_MAGIC,
  IdxError,
  parseIdxImages,
  parseIdxLabels
} from './idx'
import { fixtureIdx, writeFixtureFolder } from './testing/fixtures'
import { imagePixels } from '../../../shared/image'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

const file = 'suspect-idx3-ubyte'

/** Runs `parse`; it must succeed or throw an IdxError that names the file. */
function parsesOrNamesFile<T>(parse: () => T): T | IdxError {
  try {
    return parse()
  } catch (error) {
    expect(error).toBeInstanceOf(IdxError)
    expect((error as IdxError).code).toBe('dataset_invalid')
    expect((error as IdxError).message.startsWith(`${file}: `)).toBe(true)
    return error as IdxError
  }
}

const uint32 = fc.integer({ min: 0, max: 2 ** 32 - 1 })

function header(words: number[], body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4 + body.length)
  const view = new DataView(bytes.buffer)
  words.forEach((word, i) => view.setUint32(i * 4, word))
  bytes.set(body, words.length * 4)
  return bytes
}

describe('IDX files under random damage', () => {
  it('parses an images file with a random header only when the header and length agree', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(IDX_IMAGES_MAGIC), fc.constant(IDX_LABELS_MAGIC), uint32),
        fc.oneof(fc.integer({ min: 0, max: 4 }), uint32),
        fc.oneof(fc.constant(28), uint32),
        fc.oneof(fc.constant(28), uint32),
        fc.integer({ min: 0, max: 5 * imagePixels }),
        (magic, count, rows, cols, bodyLength) => {
          const bytes = header([magic, count, rows, cols], new Uint8Array(bodyLength))
          const result = parsesOrNamesFile(() => parseIdxImages(bytes, file))
          if (result instanceof IdxError) return
          expect(result.pixels.length).toBe(result.count * imagePixels)
          expect(bodyLength).toBe(count * imagePixels)
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it('parses a labels file with a random header and labels only when all agree', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(IDX_LABELS_MAGIC), fc.constant(IDX_IMAGES_MAGIC), uint32),
        fc.oneof(fc.integer({ min: 0, max: 20 }), uint32),
        fc.uint8Array({ maxLength: 24 }),
        fc.integer({ min: 1, max: 255 }),
        (magic, count, labels, classCount) => {
          const bytes = header([magic, count], labels)
          const result = parsesOrNamesFile(() => parseIdxLabels(bytes, file, { classCount }))
          if (result instanceof IdxError) return
          expect(result.count).toBe(labels.length)
          expect(result.labels.every((label) => label < classCount)).toBe(true)
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it('reports every truncation of a valid file as truncated', () => {
    const { trainImages, trainLabels } = fixtureIdx(3, 1, 2)
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), (images, at) => {
        const whole = images ? trainImages : trainLabels
        const cut = whole.subarray(0, at % whole.length)
        const parse = (): unknown =>
          images ? parseIdxImages(cut, file) : parseIdxLabels(cut, file)
        const result = parsesOrNamesFile(parse)
        expect(result).toBeInstanceOf(IdxError)
        expect((result as IdxError).problem).toBe('truncated')
      }),
      { numRuns: 1_000 }
    )
  })

  it('reports a damaged gzip stream as bad gzip', () => {
    const gz = gzipSync(fixtureIdx(2, 1, 2).trainLabels)
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: gz.length - 1 }),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        (at, junk) => {
          const damaged = new Uint8Array([...gz.subarray(0, at), ...junk])
          const result = parsesOrNamesFile(() => decodeContainer(damaged, file))
          if (!(result instanceof IdxError)) return
          expect(result.problem).toBe('bad-gzip')
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe('importing a folder with one damaged file', () => {
  it('refuses it with the name of the damaged file and leaves the cache empty', async () => {
    const home = tempDir('lab-import-fuzz-')
    const paths = labPaths(home)
    let cases = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...idxRoles),
        fc.nat(),
        fc.uint8Array({ maxLength: 16 }),
        fc.boolean(),
        async (role, at, junk, gzip) => {
          cases += 1
          const idx = fixtureIdx(4, 2, 2)
          const whole = idx[role]
          // Cut the file short, or overwrite part of its header with junk.
          idx[role] =
            junk.length === 0
              ? whole.subarray(0, at % whole.length)
              : new Uint8Array([...junk, ...whole.subarray(Math.min(junk.length, 8))])
          const folder = tempDir('lab-import-src-')
          const files = await writeFixtureFolder(folder, { idx, gzip })
          const failure = await importDataset(paths, { dir: folder, name: 'Fuzzed' }).then(
            () => null,
            (error: unknown) => error
          )
          rmSync(folder, { recursive: true, force: true })
          if (failure === null) {
            // Junk that happens to rebuild a valid header is a valid file.
            rmSync(paths.datasets, { recursive: true, force: true })
            return
          }
          expect(failure).toMatchObject({ code: 'dataset_invalid' })
          expect((failure as Error).message).toContain(basename(files[role]))
          expect(readdirSync(home).flatMap((d) => readdirSync(join(home, d)))).toEqual([])
        }
      ),
      { numRuns: 60 }
    )
    expect(cases).toBe(60)
  })
})
