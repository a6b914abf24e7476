import { describe, expect, it } from 'vitest'
import { checkedFigures, keptEpoch, trainTestGap } from './epoch-figures'
import { sampleRecord } from './testing/sample-run'

const epoch = (n: number, trainAccuracy: number, validationLoss: number) => ({
  epoch: n,
  trainLoss: 0.1,
  trainAccuracy,
  validationLoss,
  validationAccuracy: 0.9,
  seconds: 1,
  samplesPerSecond: 1
})

describe('checkedFigures', () => {
  it('names the split an epoch was judged on', () => {
    expect(checkedFigures(epoch(1, 0.9, 0.3))).toEqual({
      split: 'validation',
      loss: 0.3,
      accuracy: 0.9
    })
    expect(checkedFigures(sampleRecord().epochs[0]!)?.split).toBe('test')
  })
})

describe('keptEpoch and trainTestGap', () => {
  const base = sampleRecord({
    epochs: [epoch(1, 0.9, 0.3), epoch(2, 0.95, 0.25), epoch(3, 0.99, 0.4)],
    bestEpoch: 2,
    testAccuracy: 0.93
  })

  it('use the best epoch under early stopping, whose weights the run keeps', () => {
    const stopped = {
      ...base,
      config: { ...base.config, validationFraction: 0.1, earlyStopping: { patience: 1 } }
    }
    expect(keptEpoch(stopped)?.epoch).toBe(2)
    expect(trainTestGap(stopped)).toBeCloseTo(0.02, 10)
  })

  it('use the last epoch otherwise, and give no gap before the final test', () => {
    expect(keptEpoch(base)?.epoch).toBe(3)
    expect(trainTestGap(base)).toBeCloseTo(0.06, 10)
    expect(trainTestGap({ ...base, testAccuracy: null })).toBeNull()
  })
})
