/**
 * fast-check arbitraries for what a hostile or broken client sends: wrong types,
 * non-finite numbers, huge strings, prototype keys, deep nesting. Shared by the
 * LabHost and WebSocket fuzz tests.
 */
import fc from 'fast-check'

/** Arrays nested `depth` levels deep, built without recursion. */
export function nested(depth: number): unknown {
  let value: unknown = []
  for (let i = 1; i < depth; i += 1) value = [value]
  return value
}

const hugeString = 'A'.repeat(1_000_000)

/** One value of any wrong kind. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    // 1e309 as a client types it; it overflows to Infinity when parsed.
    Number('1e309'),
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    null,
    undefined,
    true,
    '',
    hugeString,
    '__proto__',
    '../../../etc/passwd',
    '\u0000',
    nested(10_000)
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 40 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withMap: true })
)

/** Keys that pollute prototypes when code copies objects carelessly. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const

/** A prototype-polluting payload as JSON.parse would produce it: an own "__proto__" key. */
export const pollutingObject: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...prototypeKeys)
  .map(
    (key) =>
      JSON.parse(`{"${key}": {"polluted": true, "toString": "x"}}`) as Record<string, unknown>
  )

/**
 * A payload for a request whose params have `keys`: each known key missing or
 * given a wrong value, maybe extra and prototype keys. Own "__proto__" keys are
 * made with defineProperty, as JSON.parse would make them.
 */
export function hostilePayload(keys: readonly string[]): fc.Arbitrary<unknown> {
  const shaped = fc
    .record({
      known: fc.array(fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), hostileValue), {
        maxLength: keys.length + 1
      }),
      extra: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom<string>(...prototypeKeys), fc.string({ maxLength: 8 })),
          hostileValue
        ),
        { maxLength: 3 }
      )
    })
    .map(({ known, extra }) => {
      const payload: Record<string, unknown> = {}
      for (const [key, value] of [...known, ...extra]) {
        Object.defineProperty(payload, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true
        })
      }
      return payload
    })
  return fc.oneof(shaped, hostileValue, pollutingObject)
}

/** What Object.prototype holds now; compare before and after a fuzz run. */
export function prototypeSnapshot(): string[] {
  return [
    ...Object.getOwnPropertyNames(Object.prototype),
    ...Object.getOwnPropertyNames(Array.prototype).map((n) => `Array.${n}`)
  ].sort()
}
