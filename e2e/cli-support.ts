import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
  /** stdout parsed as JSON lines. */
  lines: unknown[]
}

/** Runs the built CLI (`npm run lab -- …` without the build check) against a data folder. */
export function runCli(args: string[], home: string, timeoutMs = 120_000): CliResult {
  const entry = join(__dirname, '..', process.env.LAB_OUT_DIR ?? 'out', 'main/cli.js')
  const run = spawnSync(process.execPath, [entry, ...args, '--home', home], {
    encoding: 'utf8',
    timeout: timeoutMs
  })
  const lines = run.stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as unknown)
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, lines }
}
