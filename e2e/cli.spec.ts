import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { runCli } from './cli-support'

test('lab info --json reports the engine backend as one JSON line', ({ homeDir }) => {
  const result = runCli(['info', '--json'], homeDir)
  expect(result.status, result.stderr).toBe(0)
  expect(result.lines).toHaveLength(1)
  const info = result.lines[0] as {
    backend: string
    attempts: { loaded: boolean }[]
    paths: { home: string }
  }
  expect(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).toContain(info.backend)
  expect(info.attempts.some((a) => a.loaded)).toBe(true)
  expect(info.paths.home).toBe(homeDir)
})

test('lab rejects a wrong command line with a usage message, exit code 2 and no stack trace', ({
  homeDir
}) => {
  const badBackend = runCli(['info', '--backend', 'quantum'], homeDir)
  expect(badBackend.status).toBe(2)
  expect(badBackend.stderr).toContain('--backend must be one of auto, tensorflow-gpu')
  expect(badBackend.stdout).toBe('')

  const unknown = runCli(['teleport'], homeDir)
  expect(unknown.status).toBe(2)
  expect(unknown.stderr).toContain('unknown command "teleport"')

  const outputs = [badBackend.stderr, unknown.stderr]
  for (const workers of ['0', '65']) {
    const badWorkers = runCli(['train', '--dataset', 'mnist-sample', '--workers', workers], homeDir)
    expect(badWorkers.status).toBe(2)
    expect(badWorkers.stderr).toContain('--workers takes a whole number from 1 to 64')
    outputs.push(badWorkers.stderr)
  }
  for (const output of outputs) expect(output).not.toMatch(/\n\s+at /)
})

test('lab train --model cnn trains a CNN on two step workers', ({ homeDir }) => {
  const result = runCli(
    [
      'train',
      '--dataset',
      'mnist-sample',
      '--model',
      'cnn',
      '--filters',
      '4,8',
      '--dense',
      '16',
      '--epochs',
      '1',
      '--train-fraction',
      '0.2',
      '--batch-size',
      '32',
      '--workers',
      '2',
      '--json'
    ],
    homeDir
  )
  expect(result.status, result.stderr).toBe(0)
  const [epoch, end] = result.lines as [
    { epoch: number },
    { runId: string; status: string; testAccuracy: number }
  ]
  expect(epoch.epoch).toBe(1)
  expect(end.status).toBe('completed')
  // Well above chance (0.1) after one short epoch: the CNN learned.
  expect(end.testAccuracy).toBeGreaterThan(0.3)
  // The run records how it trained: the hand-written CNN step, on two workers.
  const record = JSON.parse(readFileSync(join(homeDir, 'runs', end.runId, 'run.json'), 'utf8')) as {
    step: { path: string; workers: number }
  }
  expect(record.step).toMatchObject({ path: 'fast-cnn', workers: 2 })
})
