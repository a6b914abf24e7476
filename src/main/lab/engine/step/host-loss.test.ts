import { describe, expect, it } from 'vitest'
import { softmaxCrossEntropy } from './host-loss'

describe('softmaxCrossEntropy on the host', () => {
  it('matches a hand-worked batch', () => {
    // Row 0: logits 0, ln 3 -> softmax 1/4, 3/4; label 1 -> loss -ln(3/4).
    // Row 1: equal logits -> softmax 1/2, 1/2; label 0 -> loss ln 2; a tie counts as class 0.
    const logits = Float32Array.of(0, Math.log(3), 5, 5)
    const gradient = new Float32Array(4)
    const { loss, correct } = softmaxCrossEntropy(logits, Int32Array.of(1, 0), 2, gradient)
    expect(loss).toBeCloseTo((-Math.log(0.75) + Math.log(2)) / 2, 6)
    expect(correct).toBe(2)
    // (softmax - onehot) / rows
    const expected = [0.25 / 2, -0.25 / 2, -0.5 / 2, 0.5 / 2]
    gradient.forEach((g, i) => expect(g).toBeCloseTo(expected[i]!, 6))
  })

  it('stays finite for large logits and reports a wrong answer', () => {
    const gradient = new Float32Array(3)
    const { loss, correct } = softmaxCrossEntropy(
      Float32Array.of(1000, 0, -1000),
      Int32Array.of(2),
      3,
      gradient
    )
    expect(loss).toBeCloseTo(2000, 3)
    expect(correct).toBe(0)
    expect(gradient[0]).toBeCloseTo(1, 6)
    expect(gradient[2]).toBeCloseTo(-1, 6)
  })

  it('turns a NaN logit into a NaN loss, so the loop stops as diverged', () => {
    const gradient = new Float32Array(2)
    const { loss } = softmaxCrossEntropy(Float32Array.of(NaN, 1), Int32Array.of(0), 2, gradient)
    expect(Number.isNaN(loss)).toBe(true)
  })
})
