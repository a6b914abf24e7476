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
    const refusal = comparisonRefusal(a, other)
    expect(refusal?.message).toMatch(/different datasets .*Fashion-MNIST/)
    // The page words it from the catalogue; the English stays for the CLI.
    expect(refusal?.text).toEqual({
      key: 'regularize.errors.compareDatasets',
      params: { datasetA: 'MNIST sample', datasetB: 'Fashion-MNIST' }
    })
  })

  it('refuses runs tested on different test splits', () => {
    const other = { ...b, split: { ...b.split, test: b.split.test + 1 } }
    expect(comparisonRefusal(a, other)?.message).toMatch(/different test splits/)
  })

  it('refuses a run without final test figures, and a run compared with itself', () => {
    const unfinished = comparisonRefusal(a, { ...b, testAccuracy: null })
    expect(unfinished?.message).toMatch(/"Dropout 0.3" has no final test figures yet/)
    expect(unfinished?.text).toEqual({
      key: 'regularize.errors.compareUnfinished',
      params: { name: 'Dropout 0.3' }
    })
    expect(comparisonRefusal(a, a)?.message).toMatch(/two different runs/)
  })
})
