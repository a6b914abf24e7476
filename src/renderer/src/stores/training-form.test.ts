import { describe, expect, it } from 'vitest'
import {
  defaultHyperDraft,
  defaultModelDraft,
  newLayer,
  parseNumber,
  parseTrainForm
} from './training-form'
import { setLocale } from '../i18n'

describe('parseTrainForm', () => {
  it('sends one worker per core unless the workers field says how many, 1 to 64', () => {
    const parse = (workers: string) =>
      parseTrainForm(
        defaultModelDraft(),
        { ...defaultHyperDraft(), workers },
        'mnist-sample',
        'unit'
      )
    expect(parse('').config?.workers).toBeNull()
    expect(parse(' 2 ').config?.workers).toBe(2)
    for (const bad of ['0', '65', '1.5', 'all']) {
      expect(parse(bad).errors.workers).toBe(
        'Workers must be a whole number at least 1 and at most 64.'
      )
    }
  })

  it('turns the defaults into the seed configuration', () => {
    const { config, errors } = parseTrainForm(
      defaultModelDraft(),
      defaultHyperDraft(),
      'mnist-sample',
      'unit'
    )
    expect(errors).toEqual({})
    expect(config).toMatchObject({
      datasetId: 'mnist-sample',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 256,
      epochs: 2,
      shuffle: true,
      scaling: 'unit',
      l2: 0,
      backend: 'auto',
      trainFraction: 1,
      workers: null
    })
    expect(config?.model).toEqual({
      kind: 'mlp',
      hidden: [64, 64, 64].map((units) => ({ units, activation: 'relu', dropout: 0 }))
    })
  })

  it('names each invalid field in a sentence and withholds the config', () => {
    const model = defaultModelDraft()
    model.hidden[1].units = '0'
    model.hidden[2].dropout = '1.5'
    const hyper = { ...defaultHyperDraft(), learningRate: '0', batchSize: '12.5', epochs: '' }
    const { config, spec, errors } = parseTrainForm(model, hyper, 'mnist-sample', 'unit')
    expect(config).toBeNull()
    expect(spec).toBeNull()
    expect(errors).toEqual({
      'layer.1.units': 'Units of layer 2 must be a whole number at least 1 and at most 4,096.',
      'layer.2.dropout': 'Dropout of layer 3 must be a number at least 0 and at most 0.95.',
      learningRate: 'Learning rate must be a number greater than 0 and at most 10.',
      batchSize: 'Batch size must be a whole number at least 1 and at most 8,192.',
      epochs: 'Enter a value for Epochs.'
    })
  })

  it('keeps the model spec for the diagram when only hyperparameters are wrong', () => {
    const hyper = { ...defaultHyperDraft(), seed: '-1' }
    const { config, spec, errors } = parseTrainForm(defaultModelDraft(), hyper, null, 'unit')
    expect(config).toBeNull()
    expect(spec?.kind).toBe('mlp')
    expect(Object.keys(errors).sort()).toEqual(['dataset', 'seed'])
  })

  it('checks momentum only for SGD, and builds the CNN preset', () => {
    const model = { ...defaultModelDraft(), kind: 'cnn' as const }
    const sgd = { ...defaultHyperDraft(), optimizer: 'sgd' as const, momentum: '2' }
    expect(parseTrainForm(model, sgd, 'x', 'unit').errors).toHaveProperty('momentum')
    const adam = { ...defaultHyperDraft(), momentum: '2' }
    const { config } = parseTrainForm(model, adam, 'x', 'symmetric')
    expect(config?.model).toEqual({ kind: 'cnn', filters: [16, 32], dense: 64, dropout: 0 })
    expect(config?.momentum).toBe(0)
  })

  it('limits the number of hidden layers', () => {
    const model = defaultModelDraft()
    model.hidden = Array.from({ length: 17 }, newLayer)
    expect(parseTrainForm(model, defaultHyperDraft(), 'x', 'unit').errors).toHaveProperty('model')
  })
})

describe('parseNumber', () => {
  it('accepts numbers inside the range and explains the rest', () => {
    const rule = { label: 'Epochs', min: 1, max: 1000, integer: true }
    expect(parseNumber(' 3 ', rule)).toBe(3)
    expect(parseNumber('abc', rule)).toBe(
      'Epochs must be a whole number at least 1 and at most 1,000.'
    )
    expect(parseNumber('1e9', rule)).toMatch(/at most 1,000/)
  })

  it('explains in German, with German numbers, when German is chosen', () => {
    setLocale('de')
    try {
      const { errors } = parseTrainForm(
        defaultModelDraft(),
        { ...defaultHyperDraft(), learningRate: '20', epochs: '' },
        'mnist-sample',
        'unit'
      )
      expect(errors).toEqual({
        learningRate: 'Lernrate muss eine Zahl größer als 0 und höchstens 10 sein.',
        epochs: 'Bitte einen Wert für „Epochen“ eingeben.'
      })
      expect(parseNumber('2', { label: 'Dropout', min: 0, max: 0.95 })).toBe(
        'Dropout muss eine Zahl von 0 bis 0,95 sein.'
      )
    } finally {
      setLocale('en')
    }
  })
})
