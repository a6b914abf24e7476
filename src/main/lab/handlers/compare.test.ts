import { describe, expect, it } from 'vitest'
import { sampleRecord } from '../../../shared/testing/sample-run'
import { comparisonRefusal } from './compare'

const a = sampleRecord({ id: 'run-a', name: 'Baseline', testAccuracy: 0.9 })
const b = sampleRecord({ id: 'run-b', name: 'Dropout 0.3', testAccuracy: 0.91 })

describe('comparisonRefusal', () => {
  it('lets two finished runs on the same test split be compared', () => {
    expect(comparisonRefusal(a, b)).toBeNull()
  })

  it('refuses runs on different datasets, with the reason', () => {
    const other = { ...b, datasetId: 'fashion-mnist', datasetName: 'Fashion-MNIST' }
    expect(comparisonRefusal(a, other)).toMatch(/different datasets .*Fashion-MNIST/)
  })

  it('refuses runs tested on different test splits', () => {
    const other = { ...b, split: { ...b.split, test: b.split.test + 1 } }
    expect(comparisonRefusal(a, other)).toMatch(/different test splits/)
  })

  it('refuses a run without final test figures, and a run compared with itself', () => {
    expect(comparisonRefusal(a, { ...b, testAccuracy: null })).toMatch(
      /"Dropout 0.3" has no final test figures yet/
    )
    expect(comparisonRefusal(a, a)).toMatch(/two different runs/)
  })
})
