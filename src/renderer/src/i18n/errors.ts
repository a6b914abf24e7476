/**
 * An error as the user reads it, in the chosen language: the catalogue message
 * the error names, with its parameters; else, for errors the catalogue does not
 * word yet, a summary of its code followed by the lab's own English sentence.
 */
import { toErrorInfo } from '../../../shared/errors'
import { currentLocale, i18n, translate } from './index'
import { fallbackLocale } from '../../../shared/locales'

export function errorText(error: unknown): string {
  const info = toErrorInfo(error)
  if (info.text && i18n.global.te(info.text.key, fallbackLocale)) {
    return translate(info.text.key, info.text.params ?? {})
  }
  // English needs no summary: the lab's own sentence is already the best words.
  if (currentLocale() === fallbackLocale) return info.message
  return translate('errors.untranslated', {
    summary: translate(`errors.code.${info.code}`),
    message: info.message
  })
}
