import type { z } from 'zod'

/** A zod failure as one sentence naming the fields, for a person to fix. */
export function describeIssues(request: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the request'
    return `${where}: ${issue.message}`
  })
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return `"${request}" was sent invalid input: ${parts.join('; ')}${more}.`
}
