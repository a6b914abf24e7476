import { describe, expect, it } from 'vitest'
import { parseMirror } from './mirrors'

describe('parseMirror', () => {
  it('accepts an http(s) folder and ends it with a slash', () => {
    expect(parseMirror('http://127.0.0.1:8000/mnist')).toBe('http://127.0.0.1:8000/mnist/')
    expect(parseMirror('https://example.org/data/')).toBe('https://example.org/data/')
  })

  it('says what is wrong with anything else', () => {
    expect(() => parseMirror('mirror.local/mnist')).toThrow('is not a URL')
    expect(() => parseMirror('file:///srv/mnist/')).toThrow('must start with http:// or https://')
  })
})
