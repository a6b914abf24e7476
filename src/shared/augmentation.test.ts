import { describe, expect, it } from 'vitest'
import { contentBox, drawAugmentation, transformImage } from './augmentation'

const settings = { shift: 2, rotate: 10, scale: 0.1 }

/** A 28x28 image with one bright 4x4 block at (x, y). */
function block(x: number, y: number): Float32Array {
  const image = new Float32Array(784)
  for (let r = y; r < y + 4; r++) for (let c = x; c < x + 4; c++) image[r * 28 + c] = 1
  return image
}

function transformed(image: Float32Array, draw: ReturnType<typeof drawAugmentation>): Float32Array {
  const out = new Float32Array(784)
  transformImage(image, out, draw, 0)
  return out
}

describe('drawAugmentation', () => {
  it('is the same for the same seed, epoch and row, and stays within the limits', () => {
    expect(drawAugmentation(settings, 7, 2, 100)).toEqual(drawAugmentation(settings, 7, 2, 100))
    for (let row = 0; row < 200; row++) {
      const d = drawAugmentation(settings, 7, 1, row)
      expect(Math.abs(d.dx)).toBeLessThanOrEqual(2)
      expect(Math.abs(d.dy)).toBeLessThanOrEqual(2)
      expect(Math.abs(d.angle)).toBeLessThanOrEqual((10 * Math.PI) / 180)
      expect(Math.abs(d.zoom - 1)).toBeLessThanOrEqual(0.1)
    }
  })

  it('differs between rows, epochs and seeds', () => {
    const a = drawAugmentation(settings, 7, 1, 5)
    expect(drawAugmentation(settings, 7, 1, 6)).not.toEqual(a)
    expect(drawAugmentation(settings, 7, 2, 5)).not.toEqual(a)
    expect(drawAugmentation(settings, 8, 1, 5)).not.toEqual(a)
  })
})

describe('transformImage', () => {
  it('leaves the image as it is under the identity', () => {
    const image = block(10, 12)
    expect([...transformed(image, { dx: 0, dy: 0, angle: 0, zoom: 1 })]).toEqual([...image])
  })

  it('moves pixels by a whole-pixel shift and fills the border with the background', () => {
    const image = block(10, 12)
    const out = transformed(image, { dx: 2, dy: -1, angle: 0, zoom: 1 })
    expect([...out]).toEqual([...block(12, 11)])
  })

  it('rotates a quarter turn about the centre: a block at the left edge goes to the top', () => {
    const out = transformed(block(2, 12), { dx: 0, dy: 0, angle: Math.PI / 2, zoom: 1 })
    const expected = block(12, 2)
    out.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5))
  })

  it('zooms in about the centre: a centred block grows', () => {
    const image = block(12, 12)
    const bright = (a: Float32Array) => a.filter((v) => v > 0.5).length
    expect(bright(transformed(image, { dx: 0, dy: 0, angle: 0, zoom: 1.5 }))).toBeGreaterThan(
      bright(image)
    )
  })

  it('finds the box around the digit, and none in an empty image', () => {
    expect(contentBox(block(10, 12), 0)).toEqual({ x0: 10, x1: 13, y0: 12, y1: 15 })
    expect(contentBox(new Float32Array(784), 0)).toBeNull()
    // An image of background only comes out as background only.
    const out = new Float32Array(784).fill(NaN)
    transformImage(new Float32Array(784).fill(0.25), out, drawAugmentation(settings, 1, 1, 1), 0.25)
    expect([...out].every((v) => v === 0.25)).toBe(true)
  })
})
