import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'
import { faultPoint } from './faults'

/** A sibling temp name: same folder, so the final rename never crosses a file system. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Where the old folder waits while a new one takes its place. Its own suffix
 * tells it apart from a half-filled temp folder after a crash (see recoverRunFolder in runs/recover.ts).
 */
export function asidePathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.old`)
}

/** writeFile with the file layer's test hook in front. */
export async function writeFileChecked(target: string, data: string | Uint8Array): Promise<void> {
  faultPoint('write', target)
  await writeFile(target, data)
}

/** Writes a file so that readers see the old content or the new, never half of it. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(target), { recursive: true })
  const temp = tempPathFor(target)
  try {
    faultPoint('write', target)
    await writeFile(temp, data)
    faultPoint('rename', target)
    await rename(temp, target)
    faultPoint('replaced', target)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Moves the folder `from` to `to`, replacing what was there. The old folder
 * waits at `aside` until the new one is in place, and goes back if the move
 * fails, so `to` is never lost to a failed swap.
 */
export async function replaceDirectory(
  from: string,
  to: string,
  aside: string = asidePathFor(to)
): Promise<void> {
  faultPoint('rename', to)
  let hadOld = true
  try {
    await rename(to, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    hadOld = false
  }
  try {
    await rename(from, to)
  } catch (error) {
    if (hadOld) await rename(aside, to)
    throw error
  }
  faultPoint('replaced', to)
  if (hadOld) await rm(aside, { recursive: true, force: true })
}

export async function writeJsonAtomic(target: string, value: unknown): Promise<void> {
  await writeFileAtomic(target, JSON.stringify(value, null, 2) + '\n')
}
