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

/** The source of everything that may throw an error the UI shows (tests excepted). */
const sources = import.meta.glob(
  ['../../../{main,shared,server}/**/*.ts', '../**/*.{ts,vue}', '!**/*.test.ts'],
  { query: '?raw', import: 'default', eager: true }
) as Record<string, string>

describe('errors worded by the catalogue', () => {
  it('name only keys the English catalogue has', () => {
    const named = Object.values(sources).flatMap((text) =>
      [...text.matchAll(/\bkey: '((?:\w+\.)?errors\.[\w.]+)'/g)].map((m) => m[1])
    )
    expect(named.length).toBeGreaterThan(0)
    expect(named.filter((key) => !english.has(key))).toEqual([])
  })

  it('are given every value their message fills in', () => {
    // `key: 'x.errors.y', params: { a, b: … }` as the lab's code writes them; a value
    // left out would show the user a bare {placeholder}.
    const unfilled = Object.values(sources).flatMap((text) =>
      [...text.matchAll(/\bkey: '((?:\w+\.)?errors\.[\w.]+)'(?:,\s*params: \{([^}]*)\})?/g)]
        .map(([, key, params = '']) => {
          const given = params.split(',').map((entry) => entry.split(':')[0]!.trim())
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
