import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DownloadProgressEvent, LabEventMessage } from '../../../shared/contract'
import type { HostContext } from '../context'
import { downloadFixture, writeFixtureFolder } from '../datasets/testing/fixtures'
import { startFixtureServer, type FixtureServer } from '../datasets/testing/server'
import { testHostContext } from '../testing/host-context'
import { createDatasetHandlers } from './datasets'

let home: string
let ctx: HostContext
let evicted: string[]
let events: LabEventMessage[]
let server: FixtureServer

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'mnist-lab-host-datasets-'))
  evicted = []
  // Only the one method these handlers call themselves; explore.* is the engine's business.
  const host = testHostContext(home, async (method, params) => {
    if (method !== 'dataset.evict') throw new Error(`unexpected ${method}`)
    evicted.push(params.datasetId as string)
    return { evicted: true }
  })
  ctx = host.ctx
  events = host.events
  const slowTrainImages = (file: string) => (file.startsWith('train-images') ? 'slow' : 'ok')
  server = await startFixtureServer(downloadFixture([]).gz, slowTrainImages)
})

afterEach(async () => {
  await server.close()
  await rm(home, { recursive: true, force: true })
})

const fixture = () => downloadFixture([server.url]).entry
const handlers = () =>
  createDatasetHandlers({
    downloadEntry: (id) => (id === 'fixture-digits' ? fixture() : undefined)
  })

describe('dataset handlers', () => {
  it('lists the sample as ready and the published sets as downloadable', async () => {
    const list = await handlers()['datasets.list']({}, ctx)
    expect(list.map((d) => [d.id, d.state])).toEqual([
      ['mnist-sample', 'ready'],
      ['mnist', 'not-downloaded'],
      ['fashion-mnist', 'not-downloaded']
    ])
    expect(list[1].downloadBytes).toBe(9912422 + 28881 + 1648877 + 4542)
  })

  it('imports a folder, tells the engine to forget the id, and deletes it again', async () => {
    const h = handlers()
    const source = join(home, 'incoming')
    await writeFixtureFolder(source)
    const summary = await h['datasets.import']({ dir: source, name: 'Mine' }, ctx)
    expect(summary).toMatchObject({ id: 'mine', kind: 'imported', state: 'ready' })
    expect(await h['datasets.delete']({ id: 'mine' }, ctx)).toEqual({ deleted: true })
    expect(evicted).toEqual(['mine', 'mine'])
    expect((await h['datasets.list']({}, ctx)).some((d) => d.id === 'mine')).toBe(false)
  })

  it('refuses to delete the bundled sample', async () => {
    await expect(handlers()['datasets.delete']({ id: 'mnist-sample' }, ctx)).rejects.toMatchObject({
      code: 'unsupported'
    })
  })

  it('downloads with throttled progress events, refuses a second start, and can cancel', async () => {
    // When each event reached the client, by the clock the throttle reads.
    const times: number[] = []
    const emit = ctx.emit.bind(ctx)
    ctx.emit = (name, payload) => {
      times.push(Date.now())
      emit(name, payload)
    }
    const h = handlers()
    const first = h['datasets.download']({ id: 'fixture-digits' }, ctx)
    await expect(h['datasets.download']({ id: 'fixture-digits' }, ctx)).rejects.toMatchObject({
      code: 'busy'
    })
    // The slow file sends 16 bytes every 20 ms; unthrottled, events would come as often.
    await vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(3), { timeout: 5_000 })
    expect(events.every((e) => e.name === 'dataset.downloadProgress')).toBe(true)
    const gaps = times.slice(1).map((t, i) => t - times[i])
    // 100 ms apart by the throttle's clock; this clock is read a moment later, so allow a tick.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(99)
    expect(await h['datasets.cancelDownload']({ id: 'fixture-digits' }, ctx)).toEqual({
      cancelled: true
    })
    await expect(first).rejects.toMatchObject({ code: 'cancelled' })
    expect(await h['datasets.cancelDownload']({ id: 'fixture-digits' }, ctx)).toEqual({
      cancelled: false
    })
  })

  it('ends a finished download with the dataset ready', async () => {
    const fast = await startFixtureServer(downloadFixture([]).gz)
    try {
      const h = createDatasetHandlers({ downloadEntry: () => downloadFixture([fast.url]).entry })
      const summary = await h['datasets.download']({ id: 'fixture-digits' }, ctx)
      expect(summary).toMatchObject({ id: 'fixture-digits', state: 'ready' })
      expect(evicted).toEqual(['fixture-digits'])
      const last = events[events.length - 1].payload as DownloadProgressEvent
      expect(last.percent).toBe(100)
    } finally {
      await fast.close()
    }
  })
})
