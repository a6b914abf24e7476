import { describe, expect, it } from 'vitest'
import { sameSecret } from './access'

describe('sameSecret', () => {
  const token = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718'

  it('accepts only the exact token, whatever the length or alphabet of the guess', () => {
    expect(sameSecret(token, token)).toBe(true)
    for (const guess of [
      '',
      token.slice(0, -1),
      `${token}0`,
      token.toUpperCase(),
      'ä'.repeat(48),
      'x'.repeat(1e5)
    ]) {
      expect(sameSecret(guess, token)).toBe(false)
    }
  })
})
