// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import RunOutcome from './RunOutcome.vue'
import { i18n } from '../../i18n'
import type { EpochMetrics, TrainResultEvent } from '../../../../shared/contract'

const base = {
  epoch: 1,
  trainLoss: 0.5,
  trainAccuracy: 0.9,
  trainMeasured: 100,
  runningLoss: 0.6,
  runningAccuracy: 0.85,
  seconds: 1,
  samplesPerSecond: 100
}
const validated = (epoch: number, accuracy: number): EpochMetrics => ({
  ...base,
  epoch,
  validationLoss: 0.4,
  validationAccuracy: accuracy
})
const result: TrainResultEvent = {
  runId: 'r1',
  testLoss: 0.3,
  testAccuracy: 0.875,
  bestEpoch: 1,
  stoppedEpoch: 2
}

function outcome(epochs: EpochMetrics[], result: TrainResultEvent | null, phase = 'completed') {
  return mount(RunOutcome, {
    global: { plugins: [i18n] },
    props: { phase: phase as 'completed', message: null, epochs, totalEpochs: 3, result }
  })
}

describe('RunOutcome', () => {
  it('names the validation figure per epoch and the test figure on the kept weights', () => {
    const text = outcome([validated(1, 0.91), validated(2, 0.8)], result).text()
    expect(text).toContain('Validation accuracy after epoch 2: 80.0%')
    expect(text).toContain(
      'Test accuracy, measured once at the end on the weights of epoch 1: 87.5%'
    )
    expect(text).not.toContain('used for validation')
  })

  it('does not pass a validation figure off as the test one before the test result arrives', () => {
    const text = outcome([validated(1, 0.91)], null).text()
    expect(text).toContain('Validation accuracy after epoch 1: 91.0%')
    expect(text).not.toMatch(/Test accuracy[^.]*91\.0%/)
  })

  it('labels per-epoch test figures as the test split used for validation, and says why that fools', () => {
    const epochs = [{ ...base, testLoss: 0.4, testAccuracy: 0.85 }]
    const text = outcome(epochs, null).text()
    expect(text).toContain('Test accuracy (test split used for validation) after epoch 1: 85.0%')
    expect(text).toContain('flatters the model')
  })

  it('labels a stopped run by its split', () => {
    expect(outcome([validated(1, 0.9)], null, 'stopped').text()).toContain(
      'Validation accuracy after epoch 1: 90.0%'
    )
  })

  it('words a failure from its catalogue message, in German too, and falls back to the English', () => {
    const props = {
      phase: 'failed' as const,
      message: 'Training failed: bad shape',
      messageText: { key: 'train.outcome.failed', params: { reason: 'bad shape' } },
      epochs: [],
      totalEpochs: 3,
      result: null
    }
    const mountWith = (p: typeof props | Omit<typeof props, 'messageText'>) =>
      mount(RunOutcome, { global: { plugins: [i18n] }, props: p })
    i18n.global.locale.value = 'de'
    try {
      expect(mountWith(props).text()).toBe('Das Training ist fehlgeschlagen: bad shape')
      const { messageText: _, ...old } = props
      expect(mountWith(old).text()).toBe('Training failed: bad shape')
    } finally {
      i18n.global.locale.value = 'en'
    }
  })
})
