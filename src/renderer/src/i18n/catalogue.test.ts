import { describe, expect, it } from 'vitest'
import { en } from './messages/en'
import { de } from './messages/de'

type Tree = { [key: string]: string | Tree }

/** Every message of a catalogue by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

/** The {named} parameters a message fills in. */
function parameters(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

const english = flatten(en as Tree)
const german = flatten(de as Tree)

describe('the German catalogue', () => {
  it('has exactly the keys of the English one', () => {
    const missing = [...english.keys()].filter((key) => !german.has(key))
    const extra = [...german.keys()].filter((key) => !english.has(key))
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })

  it('fills in the same parameters as the English message, for every key', () => {
    const differing = [...english].filter(
      ([key, text]) => parameters(text).join() !== parameters(german.get(key) ?? '').join()
    )
    expect(differing.map(([key]) => key)).toEqual([])
  })

  it('has no empty message', () => {
    const empty = [...english, ...german].filter(([, text]) => text.trim() === '')
    expect(empty.map(([key]) => key)).toEqual([])
  })
})

/**
 * `@` starts a linked message and `|` separates plural forms in vue-i18n's
 * syntax; a stray one garbles the text. Both are allowed only where meant:
 * `{'@'}` as a literal, `|` with a space on both sides for plurals.
 */
describe('message syntax', () => {
  it('uses @ only as a literal and | only between plural forms', () => {
    const suspicious = [...english, ...german].filter(
      ([, text]) => /@(?!')/.test(text.replace(/\{'@'\}/g, '')) || /[^ ]\||\|[^ ]/.test(text)
    )
    expect(suspicious.map(([key]) => key)).toEqual([])
  })
})

/** The source of everything that may send the UI a catalogue message: an error, a reason, a status (tests excepted). */
const sources = import.meta.glob(
  ['../../../{main,shared,server}/**/*.ts', '../**/*.{ts,vue}', '!**/*.test.ts'],
  { query: '?raw', import: 'default', eager: true }
) as Record<string, string>

/** `key: 'area.name'` as the lab's code names a message: errors, backend reasons, run endings. */
const namedKey = /\bkey: '(\w+(?:\.\w+)+)'/g
const namedKeyWithParams = /\bkey: '(\w+(?:\.\w+)+)'(?:,\s*params: \{([^}]*)\})?/g
/** Values filled in where the message is worded, not where it is named. */
const filledLater: Record<string, string[]> = {
  // issueText (stores/issue-text.ts) adds the field's label.
  'tune.issues.': ['field'],
  // The chart adds the epoch it marks.
  'regularize.marks.': ['n']
}

describe('messages the lab names by key', () => {
  it('name only keys the English catalogue has', () => {
    const named = Object.values(sources).flatMap((text) =>
      [...text.matchAll(namedKey)].map((m) => m[1])
    )
    expect(named.length).toBeGreaterThan(0)
    // Errors and the backend reasons (backend.auto.reason.*, backend.attempt.*) among them.
    expect(named.some((key) => key!.startsWith('backend.auto.reason.'))).toBe(true)
    expect(named.some((key) => key!.startsWith('backend.attempt.'))).toBe(true)
    expect(named.filter((key) => !english.has(key!))).toEqual([])
  })

  it('are given every value their message fills in', () => {
    // `key: 'x.y', params: { a, b: … }` as the lab's code writes them; a value
    // left out would show the user a bare {placeholder}.
    const unfilled = Object.values(sources).flatMap((text) =>
      [...text.matchAll(namedKeyWithParams)]
        .map(([, key, params = '']) => {
          const later = Object.entries(filledLater)
            .filter(([prefix]) => key!.startsWith(prefix))
            .flatMap(([, names]) => names)
          const given = [...params.split(',').map((entry) => entry.split(':')[0]!.trim()), ...later]
          const missing = parameters(english.get(key!) ?? '').filter(
            (name) => !given.includes(name)
          )
          return missing.length > 0 ? `${key}: ${missing.join(', ')}` : null
        })
        .filter((entry) => entry !== null)
    )
    expect(unfilled).toEqual([])
  })
})
