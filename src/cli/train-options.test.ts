import { describe, expect, it } from 'vitest'
import { seedTrainConfig } from '../shared/train-defaults'
import { UsageError } from './options'
import { configFromOptions } from './train-options'

const usageError = (values: Record<string, string>): string => {
  try {
    configFromOptions(values)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('expected a usage error')
}

describe('the shared model and training options', () => {
  it('gives the seed configuration when only the dataset is named', () => {
    expect(configFromOptions({ dataset: 'mnist' })).toEqual(seedTrainConfig({ datasetId: 'mnist' }))
  })

  it('reads every training option into the config', () => {
    const config = configFromOptions({
      dataset: 'fashion-mnist',
      hidden: '32, 16',
      dropout: '0.2',
      epochs: '5',
      'batch-size': '64',
      lr: '0.01',
      optimizer: 'sgd',
      l2: '0.0001',
      seed: '7',
      backend: 'wasm',
      workers: '2',
      'train-fraction': '0.25'
    })
    expect(config).toMatchObject({
      datasetId: 'fashion-mnist',
      model: {
        kind: 'mlp',
        hidden: [
          { units: 32, activation: 'relu', dropout: 0.2 },
          { units: 16, activation: 'relu', dropout: 0.2 }
        ]
      },
      epochs: 5,
      batchSize: 64,
      learningRate: 0.01,
      optimizer: 'sgd',
      // SGD comes with the usual momentum unless --momentum says otherwise.
      momentum: 0.9,
      l2: 0.0001,
      seed: 7,
      backend: 'wasm',
      workers: 2,
      trainFraction: 0.25
    })
  })

  it('takes one dropout rate per hidden layer, and refuses a list of the wrong length', () => {
    const config = configFromOptions({ dataset: 'mnist', hidden: '64,32', dropout: '0.5,0.1' })
    expect(config.model.kind === 'mlp' && config.model.hidden.map((l) => l.dropout)).toEqual([
      0.5, 0.1
    ])
    expect(usageError({ dataset: 'mnist', hidden: '64,32', dropout: '0.5,0.1,0' })).toMatch(
      /one per layer \(2 here\), not 3/
    )
  })

  it('builds the CNN preset from --model cnn, and reads --filters, --dense and --dropout', () => {
    expect(configFromOptions({ dataset: 'mnist', model: 'cnn' }).model).toEqual({
      kind: 'cnn',
      filters: [16, 32],
      dense: 64,
      dropout: 0
    })
    const config = configFromOptions({
      dataset: 'mnist',
      model: 'cnn',
      filters: '8,16',
      dense: '32',
      dropout: '0.3'
    })
    expect(config.model).toEqual({ kind: 'cnn', filters: [8, 16], dense: 32, dropout: 0.3 })
  })

  it('refuses options that do not fit the model kind', () => {
    expect(usageError({ dataset: 'mnist', filters: '8,16' })).toMatch(/--model cnn/)
    expect(usageError({ dataset: 'mnist', model: 'cnn', hidden: '64' })).toMatch(/MLP/)
    expect(usageError({ dataset: 'mnist', model: 'cnn', filters: '8' })).toMatch(/two numbers/)
    expect(usageError({ dataset: 'mnist', model: 'cnn', dropout: '0.1,0.2' })).toMatch(
      /one dropout rate/
    )
    expect(usageError({ dataset: 'mnist', model: 'rnn' })).toMatch(/--model must be mlp or cnn/)
  })

  it('turns a missing dataset, unknown names and malformed numbers into usage errors', () => {
    expect(usageError({})).toMatch(/--dataset/)
    expect(usageError({ dataset: 'mnist', optimizer: 'lbfgs' })).toMatch(/--optimizer must be/)
    expect(usageError({ dataset: 'mnist', backend: 'tpu' })).toMatch(/--backend must be/)
    expect(usageError({ dataset: 'mnist', hidden: '64,x' })).toMatch(/--hidden takes whole numbers/)
    expect(usageError({ dataset: 'mnist', lr: 'fast' })).toMatch(/--lr must be a number/)
  })

  it('names the option whose value is out of the contract range', () => {
    expect(usageError({ dataset: 'mnist', 'train-fraction': '0' })).toMatch(/^--train-fraction:/)
    expect(usageError({ dataset: 'mnist', 'train-fraction': '1.5' })).toMatch(/^--train-fraction:/)
    expect(usageError({ dataset: 'mnist', lr: '0' })).toMatch(/^--lr:/)
    expect(usageError({ dataset: 'mnist', 'batch-size': '2.5' })).toMatch(/^--batch-size:/)
    expect(usageError({ dataset: 'mnist', dropout: '0.99' })).toMatch(/^--dropout:/)
    expect(usageError({ dataset: 'mnist', hidden: '0' })).toMatch(/^--hidden:/)
    expect(usageError({ dataset: 'mnist', model: 'cnn', dense: '0' })).toMatch(/^--dense:/)
  })

  it('takes 1 to 64 workers, and one per core when --workers is not given', () => {
    expect(configFromOptions({ dataset: 'mnist' }).workers).toBeNull()
    expect(configFromOptions({ dataset: 'mnist', workers: '64' }).workers).toBe(64)
    for (const bad of ['0', '65', '1.5', 'all', '-2']) {
      expect(usageError({ dataset: 'mnist', workers: bad })).toMatch(
        /--workers takes a whole number from 1 to 64/
      )
    }
  })
})
