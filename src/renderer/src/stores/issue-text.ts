/**
 * A schema problem with one form field, worded in the user's language: the
 * zod issue's kind and bounds, or the catalogue message a custom check names
 * in its params ({ key, params }); zod's own English only as a last resort.
 */
import type { z } from 'zod'
import { translate } from '../i18n'
import { formatNumber } from '../i18n/format'

type Issue = z.core.$ZodIssue

export function issueText(issue: Issue, field: string): string {
  const bound = (value: number | bigint): string => formatNumber(Number(value), 6)
  switch (issue.code) {
    case 'custom': {
      const text = issue.params as { key?: unknown; params?: Record<string, number> } | undefined
      if (typeof text?.key === 'string') {
        const params = Object.fromEntries(
          Object.entries(text.params ?? {}).map(([k, v]) => [k, bound(v)])
        )
        return translate(text.key, { field, ...params })
      }
      break
    }
    case 'too_small':
      if (issue.origin === 'array') return translate('tune.issues.chooseOne', { field })
      if (issue.origin === 'number') {
        const key = issue.inclusive ? 'tune.issues.atLeast' : 'tune.issues.above'
        return translate(key, { field, min: bound(issue.minimum) })
      }
      break
    case 'too_big':
      if (issue.origin === 'number') {
        const key = issue.inclusive ? 'tune.issues.atMost' : 'tune.issues.below'
        return translate(key, { field, max: bound(issue.maximum) })
      }
      break
    case 'invalid_type':
      return translate(
        issue.expected === 'int' ? 'tune.issues.wholeNumber' : 'tune.issues.number',
        { field }
      )
    case 'invalid_value':
      return translate('tune.issues.oneOf', {
        field,
        values: issue.values.map(String).join(', ')
      })
  }
  return `${field}: ${issue.message}`
}
