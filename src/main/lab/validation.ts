import type { z } from 'zod'
import type { LabErrorInfo } from '../../shared/errors'

/** Where an issue lies, as a dotted path; the whole request when it has none. */
function fieldOf(issue: z.core.$ZodIssue): string | null {
  return issue.path.length > 0 ? issue.path.join('.') : null
}

/**
 * A zod failure as an error a person can fix: the English sentence names the
 * fields and what zod found (the CLI and logs print it); the catalogue message
 * names the fields only, because zod's own words are English.
 */
export function invalidInput(request: string, error: z.ZodError): LabErrorInfo {
  const parts = error.issues
    .slice(0, 3)
    .map((issue) => `${fieldOf(issue) ?? 'the request'}: ${issue.message}`)
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  const fields = [...new Set(error.issues.map(fieldOf).filter((field) => field !== null))]
  return {
    code: 'invalid_request',
    message: `"${request}" was sent invalid input: ${parts.join('; ')}${more}.`,
    text:
      fields.length > 0
        ? { key: 'errors.invalidFields', params: { request, fields: fields.join(', ') } }
        : { key: 'errors.invalidRequest', params: { request } }
  }
}
