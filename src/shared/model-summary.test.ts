import { describe, expect, it } from 'vitest'
import { defaultCnnSpec, defaultModelSpec, modelSummary, parameterCount } from './model-summary'

describe('parameterCount', () => {
  it('counts the seed MLP 784-64-64-64-10 by hand', () => {
    // 784*64+64 + 2*(64*64+64) + 64*10+10
    expect(parameterCount(defaultModelSpec)).toBe(50240 + 2 * 4160 + 650)
  })

  it('counts a linear model (no hidden layers)', () => {
    expect(parameterCount({ kind: 'mlp', hidden: [] })).toBe(7850)
  })

  it('counts the CNN preset with same-padded 3x3 convolutions and 2x2 pools', () => {
    // conv 1->16: 160, conv 16->32: 4640, dense 7*7*32->64: 100416, out 650
    expect(parameterCount(defaultCnnSpec)).toBe(160 + 4640 + 100416 + 650)
  })

  it('lists dropout as a layer without parameters', () => {
    const layers = modelSummary({
      kind: 'mlp',
      hidden: [{ units: 32, activation: 'tanh', dropout: 0.5 }]
    })
    expect(layers.map((l) => l.kind)).toEqual(['input', 'dense', 'dropout', 'dense'])
    expect(layers[2]!.parameters).toBe(0)
  })
})
