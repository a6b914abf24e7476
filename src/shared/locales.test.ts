import { describe, expect, it } from 'vitest'
import { initialLocale, localeStorageKey, pickLocale, type LocaleStorage } from './locales'

function storage(value: string | null): LocaleStorage {
  return { getItem: (key) => (key === localeStorageKey ? value : null), setItem: () => undefined }
}

describe('pickLocale', () => {
  it('takes the first preferred language the lab knows, whatever its region', () => {
    expect(pickLocale(['de-DE', 'en-US'])).toBe('de')
    expect(pickLocale(['de-CH'])).toBe('de')
    expect(pickLocale(['de_AT'])).toBe('de')
    expect(pickLocale(['fr-FR', 'de-DE', 'en'])).toBe('de')
    expect(pickLocale(['en-GB', 'de'])).toBe('en')
  })

  it('falls back to English for unknown or missing languages', () => {
    expect(pickLocale(['fr-FR', 'ja'])).toBe('en')
    expect(pickLocale([])).toBe('en')
    expect(pickLocale(['', 'x-klingon'])).toBe('en')
  })
})

describe('initialLocale', () => {
  it('prefers the stored choice over the system languages', () => {
    expect(initialLocale(['en-US'], storage('de'))).toBe('de')
    expect(initialLocale(['de-DE'], storage('en'))).toBe('en')
  })

  it('ignores a stored value it does not know and follows the system', () => {
    expect(initialLocale(['de-DE'], storage('fr'))).toBe('de')
    expect(initialLocale(['de-DE'], null)).toBe('de')
  })
})
