import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { runCli } from './cli-support'

/** `lab train --json` until its first epoch line, then Ctrl+C: the run stops cleanly. */
function trainThenInterrupt(
  args: string[],
  home: string
): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const entry = join(__dirname, '..', process.env.LAB_OUT_DIR ?? 'out', 'main/cli.js')
  const child = spawn(process.execPath, [entry, ...args, '--home', home], { stdio: 'pipe' })
  let stdout = ''
  let interrupted = false
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (!interrupted && /"epoch":1\b/.test(stdout)) {
      interrupted = true
      child.kill('SIGINT')
    }
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`lab train did not end:\n${stdout}`))
    }, 120_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      const lines = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
      resolve({ code, lines })
    })
  })
}

test('lab resume continues a stopped run after its checkpoint and prints the lines lab train prints', async ({
  homeDir
}) => {
  test.setTimeout(240_000)
  const trained = await trainThenInterrupt(
    [
      'train',
      '--dataset',
      'mnist-sample',
      '--epochs',
      '3',
      '--train-fraction',
      '0.5',
      '--batch-size',
      '32',
      '--json'
    ],
    homeDir
  )
  expect(trained.code).toBe(0)
  const ending = trained.lines[trained.lines.length - 1]!
  expect(ending).toMatchObject({ status: 'stopped' })
  const runId = ending.runId as string
  const trainedEpochs = trained.lines.filter((l) => 'epoch' in l)
  expect(trainedEpochs.length).toBeGreaterThanOrEqual(1)
  expect(trainedEpochs.length).toBeLessThan(3)

  const resumed = runCli(['resume', runId, '--json'], homeDir, 180_000)
  expect(resumed.status, resumed.stderr).toBe(0)
  const lines = resumed.lines as Record<string, unknown>[]
  const epochs = lines.filter((l) => 'epoch' in l)
  // It picks up after the checkpoint and trains to the run's last epoch.
  expect(epochs.map((l) => l.epoch)).toEqual([1, 2, 3].filter((e) => e > trainedEpochs.length))
  // Same line shapes as lab train: epoch lines, then one line saying how the run ended.
  for (const line of epochs)
    expect(Object.keys(line).sort()).toEqual(Object.keys(trainedEpochs[0]!).sort())
  const last = lines[lines.length - 1]!
  expect(Object.keys(last).sort()).toEqual(Object.keys(ending).sort())
  expect(last).toMatchObject({ runId, status: 'completed' })
  expect(last.testAccuracy).toBeGreaterThan(0.5)

  // A run with nothing left to train is refused with the reason, exit 1.
  const again = runCli(['resume', runId, '--json'], homeDir)
  expect(again.status).toBe(1)
  expect(again.stderr).toContain('finished all its epochs')
})
