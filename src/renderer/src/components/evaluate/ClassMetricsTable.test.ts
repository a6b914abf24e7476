// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ClassMetricsTable from './ClassMetricsTable.vue'
import { i18n } from '../../i18n'

const metric = (precision: number, neverPredicted = false) => ({
  precision,
  recall: neverPredicted ? 0 : 1,
  f1: neverPredicted ? 0 : 1,
  support: 5,
  neverPredicted
})

describe('ClassMetricsTable', () => {
  it('has a header row and one row per class', () => {
    const wrapper = mount(ClassMetricsTable, {
      global: { plugins: [i18n] },
      props: {
        perClass: [metric(1), metric(0.5)],
        classNames: ['cat', 'dog'],
        caption: 'Per-class'
      }
    })
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual([
      'Class',
      'Precision',
      'Recall',
      'F1',
      'Support'
    ])
    expect(wrapper.findAll('tbody tr')).toHaveLength(2)
    expect(wrapper.text()).not.toContain('never predicted')
  })

  it('says so when a class was never predicted, and shows its precision as 0', () => {
    const wrapper = mount(ClassMetricsTable, {
      global: { plugins: [i18n] },
      props: {
        perClass: [metric(1), metric(0, true)],
        classNames: ['cat', 'dog'],
        caption: 'Per-class'
      }
    })
    const row = wrapper.findAll('tbody tr')[1]
    expect(row.text()).toContain('0.000')
    expect(row.text()).toContain('never predicted')
    expect(wrapper.get('[role="note"]').text()).toContain('The model never predicted dog')
  })
})
