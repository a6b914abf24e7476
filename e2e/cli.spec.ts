import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeSafetensors } from '../src/main/lab/runs/safetensors'
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
  expect(badBackend.stderr).toContain(
    '--backend must be one of auto, webgpu, webgl, tensorflow-gpu'
  )
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
  // The first line names the new run; then one line per epoch, then the end.
  const [started, epoch, end] = result.lines as [
    { runId: string; status: string },
    { epoch: number },
    { runId: string; status: string; testAccuracy: number }
  ]
  expect(started.status).toBe('started')
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

test('lab export writes a trained run as safetensors for PyTorch, and refuses an unknown format', ({
  homeDir
}) => {
  const train = runCli(['train', '--dataset', 'mnist-sample', '--epochs', '1', '--json'], homeDir)
  expect(train.status, train.stderr).toBe(0)
  const { runId } = train.lines.at(-1) as { runId: string }
  const out = join(homeDir, 'weights', 'seed-mlp.safetensors')

  const exported = runCli(['export', runId, '--format', 'safetensors', '--out', out], homeDir)
  expect(exported.status, exported.stderr).toBe(0)
  expect(exported.stdout).toContain(`Wrote ${out}`)
  const { tensors, metadata } = decodeSafetensors(readFileSync(out))
  expect(tensors[0]).toMatchObject({ name: 'fc1.weight', shape: [64, 784] })
  expect(tensors.at(-1)).toMatchObject({ name: 'fc4.bias', shape: [10] })
  expect(metadata.format).toBe('pt')

  const wrong = runCli(['export', runId, '--format', 'onnx', '--out', out + '.onnx'], homeDir)
  expect(wrong.status).toBe(2)
  expect(wrong.stderr).toContain(
    '--format must be one of model, safetensors, metrics-csv, metrics-json'
  )
  expect(existsSync(out + '.onnx')).toBe(false)
})
