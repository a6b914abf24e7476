import { describe, expect, it } from 'vitest'
import type { LabErrorText } from '../errors'
import { labErrorInfoSchema, labErrorTextSchema, maxTextNesting } from './wire'

/** A message whose one value is a message, `depth` levels down. */
function nested(depth: number): LabErrorText {
  let text: LabErrorText = { key: 'leaf', params: { count: 1 } }
  for (let level = 0; level < depth; level++)
    text = { key: `level${level}`, params: { inner: text } }
  return text
}

describe('catalogue messages read back from the wire or a cache file', () => {
  it('accepts messages nested as deep as the bound, with their values intact', () => {
    const text = nested(maxTextNesting)
    expect(labErrorTextSchema.parse(text)).toEqual(text)
  })

  it('rejects a message nested one level past the bound', () => {
    expect(labErrorTextSchema.safeParse(nested(maxTextNesting + 1)).success).toBe(false)
  })

  it('rejects a crafted nest thousands deep with an answer, not a stack overflow', () => {
    const result = labErrorInfoSchema.safeParse({
      code: 'invalid',
      message: 'deep',
      text: nested(50_000)
    })
    expect(result.success).toBe(false)
  })

  it('rejects values that are neither text, a number nor a message', () => {
    expect(labErrorTextSchema.safeParse({ key: 'k', params: { flag: true } }).success).toBe(false)
    expect(labErrorTextSchema.safeParse({ key: 'k', extra: 1 }).success).toBe(false)
  })
})
