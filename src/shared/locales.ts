/**
 * Which language the lab speaks: the user's own choice if they made one, else
 * the first of the system's preferred languages that the lab knows, else English.
 */
export const supportedLocales = ['en', 'de'] as const
export type Locale = (typeof supportedLocales)[number]

export const fallbackLocale: Locale = 'en'

/** Where the user's explicit choice is kept (per origin, so the report window sees it too). */
export const localeStorageKey = 'mnist-lab.locale'

export function isLocale(value: unknown): value is Locale {
  return (supportedLocales as readonly unknown[]).includes(value)
}

/** "de-AT" and "de" both mean German; anything unknown falls back to English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0]
    if (isLocale(language)) return language
  }
  return fallbackLocale
}

export interface LocaleStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** The stored choice wins over the system's languages; a damaged entry is ignored. */
export function initialLocale(preferred: readonly string[], storage: LocaleStorage | null): Locale {
  const stored = storage?.getItem(localeStorageKey)
  return isLocale(stored) ? stored : pickLocale(preferred)
}
