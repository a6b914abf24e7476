/**
 * The engines a test kills as a crash would: a process's live children, found
 * with ps (Linux and macOS), for tests that SIGKILL an engine mid-work.
 */
import { execFileSync } from 'node:child_process'

/**
 * `parent`'s live children other than `except`. A finished child not yet reaped
 * (a zombie, say an earlier test's engine on a busy machine) and `ps` itself are
 * no engine, so they are left out.
 */
export function liveChildren(parent: number, except?: number): number[] {
  return execFileSync('ps', ['-o', 'pid=,stat=,comm=', '--ppid', String(parent)], {
    encoding: 'utf8'
  })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, stat, command]) => pid && !stat?.startsWith('Z') && command !== 'ps')
    .map(([pid]) => Number(pid))
    .filter((pid) => pid > 0 && pid !== except)
}

/** SIGKILLs each of `pids` still alive; returns those it killed. */
export function killAll(pids: readonly number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 'SIGKILL')
      return true
    } catch {
      return false // it ended on its own between ps and now
    }
  })
}
