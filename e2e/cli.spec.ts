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
