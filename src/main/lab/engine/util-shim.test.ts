import { describe, expect, it } from 'vitest'
import { restoreRemovedUtilChecks } from './util-shim'

describe('the util checks tfjs-node needs (tensorflow/tfjs#8609)', () => {
  it('puts back what a Node without them lacks, meaning what Node documented', () => {
    const bare: Record<string, unknown> = {}
    const added = restoreRemovedUtilChecks(bare)
    expect(added).toContain('isNullOrUndefined')
    const isNullOrUndefined = bare.isNullOrUndefined as (v: unknown) => boolean
    expect([null, undefined, 0, ''].map(isNullOrUndefined)).toEqual([true, true, false, false])
    expect((bare.isArray as (v: unknown) => boolean)([])).toBe(true)
    expect((bare.isPrimitive as (v: unknown) => boolean)({})).toBe(false)
  })

  it("leaves this Node's own util alone where it has them, and makes them callable where not", async () => {
    const util = (await import('node:util')) as unknown as { default: Record<string, unknown> }
    const before = util.default.isNullOrUndefined
    restoreRemovedUtilChecks(util)
    if (before) expect(util.default.isNullOrUndefined).toBe(before)
    expect((util.default.isNullOrUndefined as (v: unknown) => boolean)(null)).toBe(true)
  })
})
