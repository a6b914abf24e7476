import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DownloadProgressEvent } from '../../../shared/contract'
import { labPaths, type LabPaths } from '../paths'
import { downloadDataset, progressThrottle } from './download'
import { evictDataset, loadDataset } from './load'
import { downloadFixture } from './testing/fixtures'
import {
  refusedUrl,
  startFixtureServer,
  type Behaviour,
  type FixtureServer
} from './testing/server'

let home: string
let paths: LabPaths
const servers: FixtureServer[] = []

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'lab-download-'))
  paths = labPaths(home)
})

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  await rm(home, { recursive: true, force: true })
})

/** Serves the fixture files; `misbehave` decides per file name. */
async function mirror(misbehave: (file: string) => Behaviour = () => 'ok'): Promise<FixtureServer> {
  const server = await startFixtureServer(downloadFixture([]).gz, misbehave)
  servers.push(server)
  return server
}

/** What a user would find in the cache folder, hidden staging folders included. */
const cacheEntries = (): Promise<string[]> => readdir(paths.datasets).catch(() => [])

describe('downloadDataset', () => {
  it('downloads, verifies and caches all four files, reporting progress to 100%', async () => {
    const server = await mirror()
    const { entry } = downloadFixture([server.url])
    const events: DownloadProgressEvent[] = []
    const meta = await downloadDataset(paths, entry, { onProgress: (e) => events.push(e) })

    expect(meta.counts).toEqual({ train: 30, test: 10 })
    expect(await cacheEntries()).toEqual([entry.id])
    const last = events[events.length - 1]
    expect(last.percent).toBe(100)
    expect(last.receivedBytes).toBe(last.totalBytes)
    expect(events.every((e) => e.bytesPerSecond > 0)).toBe(true)
    const loaded = await loadDataset(paths, '/nowhere', entry.id)
    expect(loaded.train.count).toBe(30)
    evictDataset(entry.id)
  })

  it('keeps nothing when a file does not match its SHA-256', async () => {
    const server = await mirror((file) => (file.startsWith('t10k-images') ? 'corrupt' : 'ok'))
    const { entry } = downloadFixture([server.url])
    await expect(downloadDataset(paths, entry)).rejects.toMatchObject({
      code: 'dataset_invalid',
      message: expect.stringMatching(/t10k-images-idx3-ubyte\.gz .* SHA-256/)
    })
    expect(await cacheEntries()).toEqual([])
  })

  it('accepts a re-compressed file whose decompressed bytes match', async () => {
    const server = await mirror()
    const { entry } = downloadFixture([server.url])
    // As if the mirror re-gzipped the file: the .gz hash differs, the content does not.
    entry.files.trainLabels = { ...entry.files.trainLabels, sha256: '0'.repeat(64) }
    await downloadDataset(paths, entry)
    expect(await cacheEntries()).toEqual([entry.id])
  })

  it('keeps nothing when the transfer is cut short', async () => {
    const server = await mirror((file) => (file.startsWith('train-images') ? 'truncate' : 'ok'))
    const { entry } = downloadFixture([server.url])
    await expect(downloadDataset(paths, entry)).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringContaining('train-images-idx3-ubyte.gz')
    })
    expect(await cacheEntries()).toEqual([])
  })

  it('keeps nothing when the connection is closed mid-stream', async () => {
    const server = await mirror((file) => (file.startsWith('train-images') ? 'reset' : 'ok'))
    const { entry } = downloadFixture([server.url])
    await expect(downloadDataset(paths, entry)).rejects.toMatchObject({ code: 'download_failed' })
    expect(await cacheEntries()).toEqual([])
  })

  it('falls back to the next mirror when the first answers 404', async () => {
    const first = await mirror(() => 'not-found')
    const second = await mirror()
    const { entry } = downloadFixture([first.url, second.url])
    const meta = await downloadDataset(paths, entry)
    expect(first.requests).toHaveLength(4)
    expect(second.requests).toHaveLength(4)
    expect(meta.source.every((url) => url.startsWith(second.url))).toBe(true)
  })

  it('says what to do when no server can be reached', async () => {
    const { entry } = downloadFixture([await refusedUrl(), await refusedUrl()])
    const error = await downloadDataset(paths, entry).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'offline' })
    expect((error as Error).message).toMatch(/retry.*import.*sample/i)
    expect(await cacheEntries()).toEqual([])
  })

  it('cancels a slow download at once and keeps nothing', async () => {
    const server = await mirror((file) => (file.startsWith('train-images') ? 'slow' : 'ok'))
    const { entry } = downloadFixture([server.url])
    const controller = new AbortController()
    const done = downloadDataset(paths, entry, {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.file.startsWith('train-images') && e.receivedBytes > 0) controller.abort()
      }
    })
    await expect(done).rejects.toMatchObject({ code: 'cancelled' })
    expect(await cacheEntries()).toEqual([])
  })

  it('gives up on a server that stops sending', async () => {
    const server = await mirror((file) => (file.startsWith('train-labels') ? 'stall' : 'ok'))
    const { entry } = downloadFixture([server.url])
    await expect(downloadDataset(paths, entry, { stallTimeoutMs: 200 })).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringContaining('no data arrived')
    })
    expect(await cacheEntries()).toEqual([])
  })
})

describe('progressThrottle', () => {
  it('passes at most one event per interval, and always the last', () => {
    let clock = 0
    const seen: number[] = []
    const throttled = progressThrottle(
      (e) => seen.push(e.receivedBytes),
      100,
      () => clock
    )
    const event = (receivedBytes: number): DownloadProgressEvent => ({
      id: 'x',
      file: 'f',
      receivedBytes,
      totalBytes: 10,
      percent: receivedBytes * 10,
      bytesPerSecond: 1
    })
    for (let bytes = 1; bytes <= 10; bytes++) {
      throttled(event(bytes))
      clock += 30
    }
    expect(seen).toEqual([1, 5, 9, 10])
  })
})
