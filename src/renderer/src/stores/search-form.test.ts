import { describe, expect, it } from 'vitest'
import { defaultSearchSpace } from '../../../shared/contract'
import { seedTrainConfig } from '../../../shared/train-defaults'
import { setLocale } from '../i18n'
import { defaultSearchDraft, draftsOf, parseSearchDraft } from './search-form'
import { defaultHyperDraft, defaultModelDraft, parseTrainForm } from './training-form'

describe('the search form', () => {
  it('turns the default draft into the default space', () => {
    const parsed = parseSearchDraft(defaultSearchDraft(2))
    expect(parsed.errors).toEqual({})
    expect(parsed.request).toEqual({
      space: defaultSearchSpace,
      trials: 8,
      epochs: 2,
      parallel: 2,
      seed: 42
    })
  })

  it('puts each problem under its field: contradictory, empty, log range at 0, no parallel trials', () => {
    const parsed = parseSearchDraft({
      ...defaultSearchDraft(2),
      lrMin: '0',
      batchSizes: ' , ',
      dropoutMin: '0.5',
      dropoutMax: '0.1',
      optimizers: 'adam, lbfgs',
      parallel: '0'
    })
    expect(parsed.request).toBeNull()
    expect(parsed.errors.lrMin).toBe(
      'Rate from (log-uniform): a log-uniform range cannot include 0 or go below it; start at 1e-5, say.'
    )
    expect(parsed.errors.batchSizes).toBe('Batch sizes: choose at least one value.')
    expect(parsed.errors.dropoutMin).toBe(
      'Dropout from: the lower end 0.5 is above the upper end 0.1.'
    )
    expect(parsed.errors.optimizers).toBe(
      'Optimizers (adam, sgd, rmsprop): choose from adam, sgd, rmsprop.'
    )
    expect(parsed.errors.parallel).toBe('Parallel trials must be a whole number from 1 to 64.')
  })

  it('words the problems in German when the lab speaks German', () => {
    setLocale('de')
    try {
      const parsed = parseSearchDraft({
        ...defaultSearchDraft(2),
        lrMin: '0',
        dropoutMin: '0.5',
        dropoutMax: '0.1',
        parallel: '0'
      })
      expect(parsed.errors.lrMin).toMatch(/Ein log-uniformer Bereich darf 0 nicht enthalten/)
      expect(parsed.errors.dropoutMin).toMatch(/Das untere Ende 0,5 liegt über dem oberen Ende 0,1/)
      expect(parsed.errors.parallel).toMatch(/muss eine ganze Zahl von 1 bis 64 sein/)
    } finally {
      setLocale('en')
    }
  })
})

describe('draftsOf', () => {
  it('fills the Train form so that it parses back to the same config', () => {
    const config = seedTrainConfig({
      model: { kind: 'mlp', hidden: [{ units: 128, activation: 'relu', dropout: 0.12 }] },
      learningRate: 0.00316,
      batchSize: 64,
      l2: 1e-5,
      epochs: 6,
      schedule: { kind: 'cosine', warmupEpochs: 1, minFactor: 0 }
    })
    const { hyper, model } = draftsOf(config, defaultHyperDraft(), defaultModelDraft())
    expect(parseTrainForm(model, hyper, config.datasetId, config.scaling).config).toEqual(config)
  })
})
