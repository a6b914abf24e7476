import type { BackendAttempt } from '../../../shared/contract'
import { catalogueText } from '../i18n/catalogue-text'

/**
 * Why a backend did not load, in the chosen language. The GPU engine page
 * sends no words for the backend it loaded; the English stands where the
 * catalogue has none.
 */
export function attemptReason(attempt: BackendAttempt): string | null {
  if (attempt.reasonText) return catalogueText(attempt.reasonText)
  return attempt.reason ?? null
}
