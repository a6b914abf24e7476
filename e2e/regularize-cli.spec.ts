import { test, expect } from './fixtures'
import { runCli } from './cli-support'

interface Line {
  runId?: string
  status?: string
  epoch?: number
  validationLoss?: number
  validationAccuracy?: number
  testAccuracy?: number | null
  bestEpoch?: number | null
  stoppedEpoch?: number | null
}

const small = ['--dataset', 'mnist-sample', '--train-fraction', '0.2', '--batch-size', '64']

test('lab train with a validation split, augmentation and early stopping; lab compare judges two runs', ({
  homeDir
}) => {
  const baseline = runCli(
    ['train', ...small, '--epochs', '2', '--validation', '0.1', '--early-stopping', '3', '--json'],
    homeDir
  )
  expect(baseline.status, baseline.stderr).toBe(0)
  const lines = baseline.lines as Line[]
  const runId = lines[0]!.runId
  expect(runId).toBeTruthy()
  // Every line names the run it belongs to.
  for (const line of lines) expect(line.runId).toBe(runId)
  const epochs = lines.filter((l) => l.epoch !== undefined)
  expect(epochs).toHaveLength(2)
  for (const e of epochs) {
    expect(e.validationAccuracy).toBeGreaterThan(0)
    expect(e.testAccuracy).toBeUndefined()
  }
  const last = lines.at(-1)!
  expect(last.status).toBe('completed')
  expect(last.testAccuracy).toBeGreaterThan(0.3)
  expect(last.bestEpoch).toBeGreaterThanOrEqual(1)
  expect(last).toHaveProperty('stoppedEpoch', null)

  const variant = runCli(
    [
      'train',
      ...small,
      '--epochs',
      '2',
      '--validation',
      '0.1',
      '--augment',
      'shift=2,rotate=10,scale=0.1',
      '--dropout',
      '0.2',
      '--json'
    ],
    homeDir
  )
  expect(variant.status, variant.stderr).toBe(0)
  const variantId = (variant.lines.at(-1) as Line).runId!

  const compared = runCli(['compare', runId!, variantId, '--json'], homeDir)
  expect(compared.status, compared.stderr).toBe(0)
  const c = compared.lines[0] as Record<string, unknown>
  expect(Object.keys(c).sort()).toEqual(
    [
      'accuracyA',
      'accuracyB',
      'gapA',
      'gapB',
      'intervalA',
      'intervalB',
      'mcnemarP',
      'runA',
      'runB'
    ].sort()
  )
  expect(c.accuracyA).toBeCloseTo(last.testAccuracy!, 6)
  const [low, high] = c.intervalA as [number, number]
  expect(low).toBeLessThan(c.accuracyA as number)
  expect(high).toBeGreaterThan(c.accuracyA as number)
  expect(c.mcnemarP).toBeGreaterThanOrEqual(0)
  expect(c.mcnemarP).toBeLessThanOrEqual(1)

  const same = runCli(['compare', runId!, runId!], homeDir)
  expect(same.status).toBe(1)
  expect(same.stderr).toContain('two different runs')
})

test('lab learning-curve prints a line per fraction', ({ homeDir }) => {
  const curve = runCli(
    [
      'learning-curve',
      '--dataset',
      'mnist-sample',
      '--fractions',
      '0.05,0.1',
      '--epochs',
      '1',
      '--validation',
      '0.1',
      '--json'
    ],
    homeDir
  )
  expect(curve.status, curve.stderr).toBe(0)
  const points = curve.lines as {
    fraction: number
    trainCount: number
    testAccuracy: number
    runId: string
  }[]
  expect(points.map((p) => p.fraction)).toEqual([0.05, 0.1])
  expect(points[1]!.trainCount).toBe(2 * points[0]!.trainCount)
  for (const p of points) expect(p.testAccuracy).toBeGreaterThan(0)
})

test('bad regularization options are usage errors (exit 2) that say what to fix', ({ homeDir }) => {
  const cases: [string[], string][] = [
    [['--validation', '0.7'], 'at most 0.5'],
    [['--augment', 'blur=1'], 'has no "blur"'],
    [
      ['--early-stopping=-1', '--validation', '0.1'],
      'patience is a whole number of epochs, 0 or more'
    ],
    [['--early-stopping', '2'], 'add --validation'],
    [['--fractions', '0.5'], 'at least two train fractions']
  ]
  for (const [args, message] of cases) {
    const command = args[0] === '--fractions' ? 'learning-curve' : 'train'
    const result = runCli([command, '--dataset', 'mnist-sample', ...args], homeDir)
    expect(result.status, args.join(' ')).toBe(2)
    expect(result.stderr).toContain(message)
  }
})
