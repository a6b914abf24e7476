import type { AutoCandidate, BackendAttempt } from '../../../shared/contract'
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

/**
 * Why backend "auto" chose a candidate or not, in the chosen language. An
 * unavailable one's why is a catalogue message of its own when the lab has the
 * words (else a library's, kept as it is), worded first and filled in as {why}.
 */
export function candidateReason(candidate: AutoCandidate): string {
  const { reasonText, whyText } = candidate
  if (!whyText) return catalogueText(reasonText)
  return catalogueText({
    key: reasonText.key,
    params: { ...reasonText.params, why: catalogueText(whyText) }
  })
}
