import { afterEach, describe, expect, it } from 'vitest'
import { scheduleDefaults } from '../../../shared/contract'
import { scheduleText } from '../../../shared/schedule'
import { catalogueText } from './catalogue-text'
import { setLocale } from './index'

afterEach(() => setLocale('en'))

describe('sentences the lab sends as catalogue messages', () => {
  it('words a schedule in English and German, with the plural the epochs need', () => {
    const step = scheduleText({ kind: 'step', everyEpochs: 2, gamma: 0.1 })
    expect(catalogueText(scheduleText(undefined))).toBe('constant')
    expect(catalogueText(step)).toBe('step decay: ×0.1 every 2 epochs')
    expect(catalogueText(scheduleText(scheduleDefaults.cosine))).toBe(
      'cosine, 1 epoch warm-up, down to 0× the rate'
    )
    expect(catalogueText(scheduleText(scheduleDefaults.onecycle))).toBe(
      'one-cycle: from the rate ÷ 25 up to it over 30% of the run, then down'
    )
    setLocale('de')
    expect(catalogueText(step)).toBe('stufenweise Abnahme: ×0,1 alle 2 Epochen')
    expect(catalogueText(scheduleText({ kind: 'step', everyEpochs: 1, gamma: 0.5 }))).toBe(
      'stufenweise Abnahme: ×0,5 nach jeder Epoche'
    )
  })

  it("words the finder's reason in English and German, the rates as the locale writes them", () => {
    const reason = {
      key: 'tune.finder.reason',
      params: { steepest: 0.00123, lowest: 0.01, tenth: 0.001, suggestion: 0.001 }
    }
    expect(catalogueText(reason)).toBe(
      'The loss falls fastest at 0.00123 and is lowest at 0.01; a tenth of that is 0.001. ' +
        '0.001 is the smaller of the two: fast learning, yet well below the rates where the loss turns up.'
    )
    setLocale('de')
    expect(catalogueText(reason)).toMatch(
      /^Der Loss fällt am schnellsten bei 0,00123 und ist am niedrigsten bei 0,01; ein Zehntel davon ist 0,001\./
    )
  })

  it('words a message quoted inside another, such as why the GPU engine stopped, in the same language', () => {
    const lost = {
      key: 'train.outcome.gpuLost.afterEpoch',
      params: { why: { key: 'gpu.errors.deviceLost', params: { reason: 'destroyed' } }, epoch: 2 }
    }
    expect(catalogueText(lost)).toMatch(
      /^The GPU device was lost \(destroyed\)\. The run can resume/
    )
    setLocale('de')
    expect(catalogueText(lost)).toBe(
      'Die GPU-Engine ist ausgefallen: Das GPU-Gerät ist verloren gegangen (destroyed). ' +
        'Der Lauf kann an seinem Checkpoint nach Epoche 2 weitertrainieren; Läufe ohne GPU-Backend trainieren auf der Node-Engine.'
    )
  })
})
