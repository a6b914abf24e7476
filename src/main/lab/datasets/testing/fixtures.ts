/**
 * Tiny datasets for tests, written with the real IDX writer, plus a download
 * entry describing them so download tests can serve them from a local server.
 */
import { imagePixels, imageSide } from '../../../../shared/image'
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { DownloadEntry } from '../catalog'
import { mapRoles, standardFileNames, type IdxRole } from '../files'
import { encodeIdxImages, encodeIdxLabels } from '../idx'

export interface FixtureSplit {
  images: Uint8Array
  labels: Uint8Array
}

/** `count` images whose pixels encode their index and label, labels cycling 0..classes-1. */
export function fixtureSplit(count: number, classes: number, salt = 0): FixtureSplit {
  const images = new Uint8Array(count * imagePixels)
  const labels = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    labels[i] = i % classes
    for (let p = 0; p < imagePixels; p++) images[i * imagePixels + p] = (i * 7 + p + salt) % 256
  }
  return { images, labels }
}

/** The four IDX files (uncompressed) of a small dataset. */
export function fixtureIdx(train = 30, test = 10, classes = 10): Record<IdxRole, Uint8Array> {
  const a = fixtureSplit(train, classes, 0)
  const b = fixtureSplit(test, classes, 3)
  const images = (split: FixtureSplit): Uint8Array =>
    encodeIdxImages({
      count: split.labels.length,
      rows: imageSide,
      cols: imageSide,
      pixels: split.images
    })
  return {
    trainImages: images(a),
    trainLabels: encodeIdxLabels(a.labels),
    testImages: images(b),
    testLabels: encodeIdxLabels(b.labels)
  }
}

export interface FolderOptions {
  gzip?: boolean
  /** The prefix of the test files: published sets use t10k-, others test-. */
  testPrefix?: 't10k' | 'test'
  idx?: Record<IdxRole, Uint8Array>
}

/** Writes a dataset folder as a user would hand it to the importer; returns the file paths. */
export async function writeFixtureFolder(
  dir: string,
  options: FolderOptions = {}
): Promise<Record<IdxRole, string>> {
  const idx = options.idx ?? fixtureIdx()
  const prefix = options.testPrefix ?? 't10k'
  await mkdir(dir, { recursive: true })
  const paths = mapRoles((role) => {
    const name = standardFileNames[role].replace(/^t10k/, prefix)
    return join(dir, options.gzip ? `${name}.gz` : name)
  })
  await Promise.all(
    (Object.keys(paths) as IdxRole[]).map((role) =>
      writeFile(paths[role], options.gzip ? gzipSync(idx[role]) : idx[role])
    )
  )
  return paths
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export interface DownloadFixture {
  entry: DownloadEntry
  /** What the server should send for each published file name. */
  gz: Map<string, Buffer>
}

/** A download entry for the fixture dataset, its mirrors at the given base URLs. */
export function downloadFixture(mirrors: string[], idx = fixtureIdx()): DownloadFixture {
  const gz = new Map<string, Buffer>()
  const files = mapRoles((role) => {
    const name = `${standardFileNames[role]}.gz`
    const bytes = gzipSync(idx[role])
    gz.set(name, bytes)
    return { name, bytes: bytes.length, sha256: sha256(bytes), rawSha256: sha256(idx[role]) }
  })
  return {
    gz,
    entry: {
      id: 'fixture-digits',
      name: 'Fixture digits',
      kind: 'download',
      description: 'test data',
      splitNote: 'test split',
      classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      counts: { train: 30, test: 10 },
      mirrors,
      files
    }
  }
}
