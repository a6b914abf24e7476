import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { runCli } from './cli-support'

test('lab check-init prints the loss at init beside ln(10) with a verdict', ({ homeDir }) => {
  const result = runCli(['check-init', '--dataset', 'mnist-sample', '--json'], homeDir)
  expect(result.status, result.stderr).toBe(0)
  const [check] = result.lines as { initialLoss: number; expected: number; ok: boolean }[]
  expect(check!.expected).toBeCloseTo(Math.log(10), 6)
  expect(Math.abs(check!.initialLoss - check!.expected)).toBeLessThan(0.3)
  expect(check!.ok).toBe(true)
})

test('lab overfit-batch drives one batch below 0.01 and records the check in the home', ({
  homeDir
}) => {
  const result = runCli(['overfit-batch', '--dataset', 'mnist-sample', '--json'], homeDir)
  expect(result.status, result.stderr).toBe(0)
  const final = result.lines.at(-1) as { finalLoss: number; steps: number; passed: boolean }
  expect(final.passed).toBe(true)
  expect(final.finalLoss).toBeLessThan(0.01)
  expect(final.steps).toBeLessThanOrEqual(500)
  // Throttled step lines come first, starting at step 1.
  expect(result.lines[0]).toMatchObject({ step: 1 })
  const folder = join(homeDir, 'checks', 'mnist-sample')
  const [file] = readdirSync(folder)
  const checks = JSON.parse(readFileSync(join(folder, file!), 'utf8'))
  expect(checks.oneBatch).toMatchObject({ batchSize: 32, passed: true, steps: final.steps })
})

test('lab overfit-batch refuses zero steps and a batch larger than the split (exit 2)', ({
  homeDir
}) => {
  const zero = runCli(['overfit-batch', '--dataset', 'mnist-sample', '--steps', '0'], homeDir)
  expect(zero.status).toBe(2)
  expect(zero.stderr).toContain('--steps must be a whole number from 1 to 5000, not 0.')
  const tooMany = runCli(
    ['overfit-batch', '--dataset', 'mnist-sample', '--batch-size', '300'],
    homeDir
  )
  expect(tooMany.status).toBe(2)
  expect(tooMany.stderr).toContain('--batch-size must be a whole number from 2 to 256')
})

test('lab baselines prints majority, input-independent and linear on the test split', ({
  homeDir
}) => {
  const result = runCli(['baselines', '--dataset', 'mnist-sample', '--json'], homeDir)
  expect(result.status, result.stderr).toBe(0)
  const rows = result.lines as { baseline: string; testAccuracy: number; testLoss: number | null }[]
  expect(rows.map((r) => r.baseline)).toEqual(['majority', 'input-independent', 'linear'])
  expect(rows[0]!.testLoss).toBeNull()
  expect(rows[1]!.testAccuracy).toBe(rows[0]!.testAccuracy)
  expect(rows[2]!.testAccuracy).toBeGreaterThan(0.8)
})
