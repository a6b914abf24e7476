// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import LeverPanel from './LeverPanel.vue'
import { i18n } from '../../i18n'
import { numberFieldError } from './field-error'
import { validationFractionSchema } from '../../../../shared/contract'

function panel(augmentation = { shift: 2, rotate: 10, scale: 0.1 }) {
  return mount(LeverPanel, {
    global: { plugins: [i18n] },
    props: { augmentation, previewPixels: null, seed: 1, busy: false, refusal: () => null }
  })
}

const trainButton = (wrapper: ReturnType<typeof panel>, lever: string) =>
  wrapper.get(`button[aria-label="Train variant: ${lever}"]`)

describe('LeverPanel bad input', () => {
  it('says which augmentation value is out of range and will not train it', () => {
    const wrapper = panel({ shift: 2, rotate: 90, scale: 0.1 })
    const rotate = wrapper.findAll('.field').find((f) => f.text().includes('Rotation (degrees)'))
    expect(rotate?.text()).toContain('Enter a number from 0 to 45.')
    expect(rotate?.get('input').attributes('aria-invalid')).toBe('true')
    expect(trainButton(wrapper, 'Data augmentation').attributes('disabled')).toBeDefined()
    expect(trainButton(wrapper, 'Dropout').attributes('disabled')).toBeUndefined()
  })

  it('refuses a negative patience in the form', async () => {
    const wrapper = panel()
    expect(trainButton(wrapper, 'Early stopping').attributes('disabled')).toBeUndefined()
    const patience = wrapper.findAll('.field').find((f) => f.text().includes('Patience'))!
    await patience.get('input').setValue('-1')
    expect(patience.text()).toContain('Enter a whole number from 0 to 1000.')
    expect(trainButton(wrapper, 'Early stopping').attributes('disabled')).toBeDefined()
  })
})

describe('numberFieldError', () => {
  it('takes the validation share limits from the contract', () => {
    expect(numberFieldError(validationFractionSchema, '0.1')).toBeNull()
    expect(numberFieldError(validationFractionSchema, '0')).toBeNull()
    expect(numberFieldError(validationFractionSchema, '0.7')).toBe('Enter a number from 0 to 0.5.')
    expect(numberFieldError(validationFractionSchema, '-0.1')).toBe('Enter a number from 0 to 0.5.')
    expect(numberFieldError(validationFractionSchema, '')).toBe('Enter a number from 0 to 0.5.')
  })
})
