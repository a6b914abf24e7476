/**
 * Test hooks that make the file layer fail at a chosen moment, in whichever
 * process writes: the environment variable MNIST_LAB_FAULT, which only tests
 * set (and forked engines inherit). Unset, every hook is a no-op.
 *
 *   MNIST_LAB_FAULT=<stage>:<file>=<action>[@<n>]
 *
 * stage: `write` (a file is about to be written), `rename` (a finished temp file
 * or folder is about to replace the old one), `replaced` (it just did).
 * file: the base name of the target, e.g. run.json, weights.bin, checkpoint.
 * action: `kill` ends the process on the spot (as a power cut would), at the
 * n-th time only; ENOSPC, EACCES or EROFS fail that write and every later one.
 */
import { basename } from 'node:path'

export type FaultStage = 'write' | 'rename' | 'replaced'

const errnoMessages = {
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
  EROFS: 'read-only file system'
} as const

interface Fault {
  point: string
  action: 'kill' | keyof typeof errnoMessages
  nth: number
}

function parseFault(spec: string): Fault | null {
  const match = /^([a-z]+:[^=]+)=(kill|ENOSPC|EACCES|EROFS)(?:@(\d+))?$/.exec(spec)
  if (!match) return null
  return { point: match[1]!, action: match[2] as Fault['action'], nth: Number(match[3] ?? 1) }
}

let active: { spec: string; fault: Fault | null; hits: number } | null = null

/** A hook in the file layer: fails or kills here when MNIST_LAB_FAULT names this point. */
export function faultPoint(stage: FaultStage, target: string): void {
  const spec = process.env.MNIST_LAB_FAULT
  if (!spec) return
  // A new spec starts counting afresh (tests set one per case).
  if (active?.spec !== spec) active = { spec, fault: parseFault(spec), hits: 0 }
  const { fault } = active
  if (!fault || fault.point !== `${stage}:${basename(target)}`) return
  active.hits += 1
  if (fault.action === 'kill') {
    if (active.hits === fault.nth) process.kill(process.pid, 'SIGKILL')
    return
  }
  if (active.hits < fault.nth) return
  const error = new Error(`${fault.action}: ${errnoMessages[fault.action]}, ${stage} '${target}'`)
  throw Object.assign(error, { code: fault.action, path: target })
}
