import { describe, expect, it } from 'vitest'
import { chooseStep } from './choice'

describe('chooseStep: the one decision of how a step runs', () => {
  it('trains MLPs by the hand-written path, with loss and optimizer in JavaScript on wasm and cpu', () => {
    for (const backend of ['wasm', 'cpu'] as const) {
      expect(chooseStep('mlp', backend)).toMatchObject({
        path: 'fast-mlp',
        lossOn: 'host',
        optimizerOn: 'host'
      })
    }
  })

  it('keeps everything on the device where tensors live on one', () => {
    for (const backend of ['tensorflow', 'tensorflow-gpu'] as const) {
      const choice = chooseStep('mlp', backend)
      expect(choice).toMatchObject({ path: 'fast-mlp', lossOn: 'device', optimizerOn: 'device' })
      expect(choice.reason).toContain(backend)
    }
  })

  it('trains CNNs by autodiff, the optimizer following the backend', () => {
    expect(chooseStep('cnn', 'wasm')).toMatchObject({ path: 'autodiff', optimizerOn: 'host' })
    expect(chooseStep('cnn', 'tensorflow')).toMatchObject({
      path: 'autodiff',
      optimizerOn: 'device'
    })
  })
})
