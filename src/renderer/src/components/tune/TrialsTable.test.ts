// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import TrialsTable from './TrialsTable.vue'
import { i18n } from '../../i18n'
import type { TrialRecord } from '../../../../shared/contract'
import { sampleRecord } from '../../../../shared/testing/sample-run'

const trial = (overrides: Partial<TrialRecord>): TrialRecord => ({
  trial: 0,
  config: sampleRecord().config,
  runId: 'run-1',
  status: 'completed',
  validationAccuracy: 0.9,
  scores: [0.9],
  epochs: 1,
  stoppedAtRung: null,
  seconds: 1,
  ...overrides
})

describe('TrialsTable', () => {
  it('says why a trial failed in the chosen language, and falls back to the English', () => {
    const crashed = trial({
      status: 'failed',
      message: 'The trial engine crashed repeatedly.',
      messageText: { key: 'tune.search.trial.crashedRepeatedly' }
    })
    const { messageText: _, ...old } = crashed
    const statusCell = (t: TrialRecord) =>
      mount(TrialsTable, { global: { plugins: [i18n] }, props: { trials: [t], bestTrial: null } })
        .findAll('td')[4]!
        .text()
    i18n.global.locale.value = 'de'
    try {
      expect(statusCell(crashed)).toBe(
        'fehlgeschlagen Die Engine dieses Versuchs ist mehrmals hintereinander abgestürzt; der Versuch wurde aufgegeben.'
      )
      expect(statusCell(old)).toBe('fehlgeschlagen The trial engine crashed repeatedly.')
      expect(statusCell(trial({}))).toBe('abgeschlossen')
    } finally {
      i18n.global.locale.value = 'en'
    }
  })
})
