/**
 * A sentence the lab sends as a catalogue message and its values (a
 * LabErrorText: the finder's reason, a search's ending, a schedule), worded in
 * the chosen language. Numbers are written as the locale writes them; a
 * `count` value picks the plural.
 */
import type { LabErrorText } from '../../../shared/errors'
import { formatSignificant } from './format'
import { translate } from './index'

export function catalogueText(text: LabErrorText): string {
  const params = text.params ?? {}
  const named = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number'
        ? formatSignificant(value)
        : typeof value === 'string'
          ? value
          : catalogueText(value)
    ])
  )
  const count = typeof params.count === 'number' ? params.count : undefined
  return translate(text.key, named, count)
}
