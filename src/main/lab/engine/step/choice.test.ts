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

  it('trains CNNs by the hand-written path on wasm and cpu, by autodiff on a device', () => {
    for (const backend of ['wasm', 'cpu'] as const) {
      expect(chooseStep('cnn', backend)).toMatchObject({
        path: 'fast-cnn',
        lossOn: 'host',
        optimizerOn: 'host'
      })
    }
    expect(chooseStep('cnn', 'tensorflow')).toMatchObject({
      path: 'autodiff',
      optimizerOn: 'device'
    })
  })

  it('splits batches across step workers on the host backends only', () => {
    expect(chooseStep('mlp', 'wasm', 2)).toMatchObject({ workers: 2 })
    expect(chooseStep('mlp', 'wasm', 2).reason).toContain('2 step workers')
    expect(chooseStep('cnn', 'cpu', 4)).toMatchObject({ workers: 4 })
    expect(chooseStep('mlp', 'wasm')).toMatchObject({ workers: 1 })
    expect(chooseStep('mlp', 'tensorflow-gpu', 2)).toMatchObject({ workers: 1 })
  })
})
