/**
 * The lab's one vue-i18n instance (Composition API). Components use
 * `useI18n()`; stores, charts and other TypeScript reach the same catalogue
 * through `translate`. English is the source catalogue and the fallback.
 */
import { createI18n } from 'vue-i18n'
import { en } from './messages/en'
import { de } from './messages/de'
import {
  fallbackLocale,
  localeStorageKey,
  type Locale,
  type LocaleStorage
} from '../../../shared/locales'
import { missingKeyWarning } from '../../../shared/i18n-warnings'

export const i18n = createI18n({
  legacy: false,
  locale: fallbackLocale,
  fallbackLocale,
  messages: { en, de },
  // vue-i18n only warns in development builds; this handler also runs in the
  // built app, which is what the end-to-end tests drive.
  missing: (locale, key) => {
    console.warn(`${missingKeyWarning} "${key}" (${locale})`)
  },
  missingWarn: false,
  fallbackWarn: false
})

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

/** Switches the language everywhere at once and, if asked, remembers the choice. */
export function setLocale(locale: Locale, storage: LocaleStorage | null = null): void {
  i18n.global.locale.value = locale
  storage?.setItem(localeStorageKey, locale)
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

type Named = Record<string, unknown>

/** The catalogue for code outside components (stores, charts, helpers); `plural` picks the form. */
export function translate(key: string, named: Named = {}, plural?: number): string {
  return plural === undefined ? i18n.global.t(key, named) : i18n.global.t(key, named, plural)
}
