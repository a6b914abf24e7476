import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { recoverRunFolder } from './recover'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function runFolder(entries: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lab-recover-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(entries)) {
    mkdirSync(join(dir, name))
    writeFileSync(join(dir, name, 'progress.json'), content)
  }
  writeFileSync(join(dir, 'run.json'), '{}')
  return dir
}

describe('recoverRunFolder', () => {
  it('puts the old checkpoint back when a swap was cut off between its two renames', async () => {
    // The old folder was set aside, the new one (maybe half-filled) never moved in.
    const dir = runFolder({
      '.checkpoint.aaa.old': 'epoch 1',
      '.checkpoint.bbb.tmp': 'epoch 2, half'
    })
    await recoverRunFolder(dir)
    expect(readdirSync(dir).sort()).toEqual(['checkpoint', 'run.json'])
    expect(readFileSync(join(dir, 'checkpoint', 'progress.json'), 'utf8')).toBe('epoch 1')
  })

  it('keeps a checkpoint in place and drops the leftovers beside it', async () => {
    const dir = runFolder({
      checkpoint: 'epoch 2',
      '.checkpoint.aaa.old': 'epoch 1',
      '.model.ccc.tmp': 'half'
    })
    writeFileSync(join(dir, '.run.json.ddd.tmp'), '{"half')
    await recoverRunFolder(dir)
    expect(readdirSync(dir).sort()).toEqual(['checkpoint', 'run.json'])
    expect(readFileSync(join(dir, 'checkpoint', 'progress.json'), 'utf8')).toBe('epoch 2')
  })
})
