/**
 * An engine that outlives its lab (the lab was killed while the engine trained)
 * must not write into the run afterwards: a restarted lab may already have put
 * the run's folder right, and may be resuming it.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const homes: string[] = []
afterAll(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true })
})

function startWriter(busyMs: number) {
  const home = mkdtempSync(join(tmpdir(), 'lab-orphan-'))
  homes.push(home)
  const child = fork(join(__dirname, 'testing/orphan-writer.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LAB_HOME: home, LAB_BUSY_MS: String(busyMs) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const said = (word: string) =>
    new Promise<void>((resolve) => child.on('message', (m) => m === word && resolve()))
  return { child, exited, said, runDir: join(home, 'runs', 'r-orphan') }
}

describe('an engine whose lab has gone', () => {
  it('writes the run’s checkpoint while its lab is there', { timeout: 30_000 }, async () => {
    const writer = startWriter(0)
    await writer.said('ready')
    const written = writer.said('written')
    writer.child.send('write')
    await written
    expect(readdirSync(writer.runDir)).toEqual(['checkpoint'])
    writer.child.disconnect()
    expect(await writer.exited).toBe(0)
  })

  it(
    'exits without writing when its lab went away during a busy stretch',
    { timeout: 30_000 },
    async () => {
      const writer = startWriter(600)
      await writer.said('ready')
      writer.child.send('write')
      // The writer is now busy: the lab goes while it cannot notice.
      await new Promise((resolve) => setTimeout(resolve, 150))
      writer.child.disconnect()
      expect(await writer.exited).toBe(0)
      // Not even a half-filled temp folder.
      expect(readdirSync(writer.runDir)).toEqual([])
    }
  )
})
