/**
 * The home folder fails (disk full, no permission, read-only: simulated in the
 * file layer), and run.json files are damaged behind the lab's back. Each time
 * the lab says what is wrong and where, stays up, and leaves nothing half-written.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { DamagedRun, RunRecord } from '../../shared/contract'
import { sampleRecord } from '../../shared/testing/sample-run'
import { writeFixtureFolder } from './datasets/testing/fixtures'
import { LabHost } from './host'
import { forkLauncher } from './launch/fork'
import { repoResourcesDir } from './testing/real-engine'

const silentEngine = forkLauncher({ entry: join(__dirname, 'testing/silent-engine.mjs') })
const dirs: string[] = []
const hosts: LabHost[] = []
afterAll(async () => {
  for (const host of hosts.splice(0)) await host.stop()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
afterEach(() => {
  delete process.env.MNIST_LAB_FAULT
})

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** A host over a fresh home holding the given run records; its engine never answers (none is needed). */
async function hostWithRuns(records: RunRecord[]): Promise<{ host: LabHost; home: string }> {
  const home = tempDir('lab-home-faults-')
  for (const record of records) {
    mkdirSync(join(home, 'runs', record.id), { recursive: true })
    writeFileSync(join(home, 'runs', record.id, 'run.json'), JSON.stringify(record))
  }
  const host = new LabHost({
    home,
    resourcesDir: repoResourcesDir,
    appVersion: 'test',
    launcher: silentEngine
  })
  hosts.push(host)
  await host.start()
  return { host, home }
}

const healthy = sampleRecord({ id: 'healthy-run' })

describe('a damaged run.json', () => {
  it('lists the run as damaged with the reason, leaves the others alone, and can be deleted', async () => {
    const { host, home } = await hostWithRuns([healthy])
    const damage: Record<string, string> = {
      truncated: JSON.stringify(sampleRecord({ id: 'truncated' })).slice(0, 120),
      'wrong-schema': JSON.stringify({ id: 'wrong-schema', hello: 'world' }),
      newer: JSON.stringify({ ...sampleRecord({ id: 'newer' }), schemaVersion: 99 })
    }
    for (const [id, text] of Object.entries(damage)) {
      mkdirSync(join(home, 'runs', id))
      writeFileSync(join(home, 'runs', id, 'run.json'), text)
    }

    const runs = await host.handle('runs.list', {})
    expect(runs.ok && (runs.value as RunRecord[]).map((r) => r.id)).toEqual(['healthy-run'])
    const damaged = await host.handle('runs.damaged', {})
    if (!damaged.ok) throw new Error(damaged.error.message)
    const reasons = Object.fromEntries((damaged.value as DamagedRun[]).map((d) => [d.id, d.reason]))
    expect(reasons).toEqual({
      truncated: expect.stringContaining('cut short'),
      'wrong-schema': expect.stringContaining('is not a run record'),
      newer: expect.stringContaining('newer version of MNIST Lab')
    })
    expect(await host.handle('runs.get', { runId: 'newer' })).toMatchObject({
      ok: false,
      error: {
        code: 'io_error',
        message: expect.stringContaining(join(home, 'runs', 'newer', 'run.json'))
      }
    })

    for (const id of Object.keys(damage)) {
      expect(await host.handle('runs.delete', { runId: id })).toEqual({
        ok: true,
        value: { deleted: true }
      })
    }
    expect(readdirSync(join(home, 'runs'))).toEqual(['healthy-run'])
    expect(await host.handle('runs.damaged', {})).toEqual({ ok: true, value: [] })
  })
})

describe.each(['ENOSPC', 'EACCES', 'EROFS'])('the home folder failing with %s', (code) => {
  it('refuses a rename with an error naming the folder and keeps the old run.json', async () => {
    const { host, home } = await hostWithRuns([healthy])
    const before = readFileSync(join(home, 'runs', healthy.id, 'run.json'), 'utf8')
    process.env.MNIST_LAB_FAULT = `write:run.json=${code}`
    const response = await host.handle('runs.rename', { runId: healthy.id, name: 'New name' })
    expect(response).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringContaining(join(home, 'runs')) }
    })
    if (!response.ok) expect(response.error.message).toContain(code)
    expect(readFileSync(join(home, 'runs', healthy.id, 'run.json'), 'utf8')).toBe(before)
    expect(readdirSync(join(home, 'runs', healthy.id))).toEqual(['run.json'])
    // The lab is still up and reads what it has.
    expect(await host.handle('runs.get', { runId: healthy.id })).toMatchObject({
      ok: true,
      value: { name: healthy.name }
    })
  })

  it('refuses an import with an error naming the folder and leaves no half-written dataset', async () => {
    const { host, home } = await hostWithRuns([])
    const source = tempDir('lab-import-source-')
    await writeFixtureFolder(source)
    process.env.MNIST_LAB_FAULT = `write:train-images-idx3-ubyte=${code}`
    const response = await host.handle('datasets.import', { dir: source, name: 'Broken disk' })
    expect(response).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringContaining(join(home, 'datasets')) }
    })
    expect(readdirSync(join(home, 'datasets'))).toEqual([])
  })
})
