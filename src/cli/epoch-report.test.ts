import { describe, expect, it } from 'vitest'
import { epochLine } from './epoch-report'

const base = {
  runId: 'r1',
  epoch: 1,
  trainLoss: 0.5,
  trainAccuracy: 0.9,
  trainMeasured: 100,
  runningLoss: 0.6,
  runningAccuracy: 0.85,
  seconds: 1,
  samplesPerSecond: 1
}

describe('epochLine', () => {
  it('names validation figures as validation', () => {
    const line = epochLine({ ...base, validationLoss: 0.4, validationAccuracy: 0.8 }, 3)
    expect(line).toContain('validation accuracy 80.00%')
    expect(line).toContain('train loss 0.5000 (running mean 0.6000)')
    expect(line).not.toContain('test')
  })

  it('marks per-epoch test figures as the test split used for validation', () => {
    const line = epochLine({ ...base, testLoss: 0.4, testAccuracy: 0.8 }, 3)
    expect(line).toContain('test accuracy 80.00% (test split used for validation)')
  })
})
