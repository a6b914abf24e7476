/**
 * Repairs a run folder after the process writing it was cut off (power cut,
 * kill). Writes go to temp names and are renamed into place (fs-atomic), so
 * what a crash leaves is always: the old version in place or set aside, and
 * maybe a half-written temp.
 */
import { readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import {
  checkpointFolder,
  modelFolder,
  progressFileName,
  runFileName,
  type CheckpointProgress
} from './layout'

/**
 * Puts `<dir>/<name>` right: if a swap was cut off after the old version was
 * set aside, the old one goes back; half-written temps and leftovers go.
 */
async function recoverEntry(dir: string, name: string, entries: string[]): Promise<void> {
  const mine = entries.filter((e) => e.startsWith(`.${name}.`))
  const aside = mine.filter((e) => e.endsWith('.old'))
  if (!entries.includes(name) && aside.length > 0)
    await rename(join(dir, aside[0]!), join(dir, name))
  for (const leftover of mine) {
    if (leftover !== aside[0] || entries.includes(name)) {
      await rm(join(dir, leftover), { recursive: true, force: true })
    }
  }
}

export async function recoverRunFolder(runDir: string): Promise<void> {
  const entries = await readdir(runDir).catch(() => [] as string[])
  for (const name of [runFileName, checkpointFolder, modelFolder])
    await recoverEntry(runDir, name, entries)
}

/** The checkpoint's own account of itself, or null when there is none to read. */
export async function readCheckpointProgress(runDir: string): Promise<CheckpointProgress | null> {
  try {
    const text = await readFile(join(runDir, checkpointFolder, progressFileName), 'utf8')
    const progress = JSON.parse(text) as CheckpointProgress
    return Number.isInteger(progress.epoch) ? progress : null
  } catch {
    return null
  }
}
