import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from './index'
import { formatCount, formatDateTime, formatFixed, formatNumber, formatPercent } from './format'

afterEach(() => setLocale('en'))

describe('formatting in the chosen language', () => {
  it('writes decimals with a point in English and a comma in German', () => {
    expect(formatNumber(0.9234)).toBe('0.923')
    expect(formatFixed(2.3, 2)).toBe('2.30')
    setLocale('de')
    expect(formatNumber(0.9234)).toBe('0,923')
    expect(formatFixed(2.3, 2)).toBe('2,30')
  })

  it('writes percentages as each language does', () => {
    expect(formatPercent(0.791)).toBe('79.1%')
    setLocale('de')
    // German puts a (non-breaking) space before the sign.
    expect(formatPercent(0.791)).toBe('79,1\u00a0%')
  })

  it('groups thousands', () => {
    expect(formatCount(60000)).toBe('60,000')
    setLocale('de')
    expect(formatCount(60000)).toBe('60.000')
  })

  it('shows a dash for missing or non-finite figures', () => {
    expect(formatNumber(null)).toBe('–')
    expect(formatPercent(Number.NaN)).toBe('–')
    expect(formatDateTime('not a date')).toBe('–')
  })

  it('writes dates in the language', () => {
    const iso = '2026-03-04T10:20:00Z'
    setLocale('de')
    expect(formatDateTime(iso)).toMatch(/04\.03\.2026/)
  })
})
