import { describe, expect, it } from 'vitest'
import { inkBox, inkFromRgba, preprocessDrawing, resampleArea, type InkBitmap } from './drawing'

/** A blank canvas with the given rectangles filled with full ink. */
function canvas(
  width: number,
  height: number,
  rects: { x: number; y: number; w: number; h: number; ink?: number }[]
): InkBitmap {
  const data = new Uint8Array(width * height)
  for (const r of rects) {
    for (let y = r.y; y < r.y + r.h; y++) {
      for (let x = r.x; x < r.x + r.w; x++) data[y * width + x] = r.ink ?? 255
    }
  }
  return { width, height, data }
}

/** Bounding box of non-zero output pixels, as [left, top, right, bottom] inclusive. */
function outputBox(pixels: number[]): [number, number, number, number] {
  const box = inkBox({ width: 28, height: 28, data: pixels })
  if (box === null) throw new Error('no ink in output')
  return [box.left, box.top, box.left + box.width - 1, box.top + box.height - 1]
}

function centre(pixels: number[]): { x: number; y: number } {
  let mass = 0
  let sx = 0
  let sy = 0
  pixels.forEach((v, i) => {
    mass += v
    sx += v * (i % 28)
    sy += v * Math.floor(i / 28)
  })
  return { x: sx / mass, y: sy / mass }
}

describe('preprocessDrawing', () => {
  it('gives 784 zeros for an empty canvas', () => {
    const out = preprocessDrawing(canvas(280, 280, []))
    expect(out).toHaveLength(784)
    expect(out.every((v) => v === 0)).toBe(true)
  })

  it('scales a square of ink to fill the 20x20 box, centred', () => {
    const out = preprocessDrawing(canvas(280, 280, [{ x: 30, y: 150, w: 80, h: 80 }]))
    expect(outputBox(out)).toEqual([4, 4, 23, 23])
    expect(out.filter((v) => v === 255)).toHaveLength(400)
    expect(out.filter((v) => v !== 0 && v !== 255)).toHaveLength(0)
  })

  it('keeps the aspect ratio: a tall bar becomes 20 high and a quarter as wide', () => {
    const out = preprocessDrawing(canvas(280, 280, [{ x: 100, y: 20, w: 40, h: 160 }]))
    const [left, top, right, bottom] = outputBox(out)
    expect(bottom - top + 1).toBe(20)
    expect(right - left + 1).toBe(5)
    expect(top).toBe(4)
  })

  it('scales small drawings up, too', () => {
    const out = preprocessDrawing(canvas(28, 28, [{ x: 0, y: 0, w: 5, h: 5 }]))
    expect(outputBox(out)).toEqual([4, 4, 23, 23])
  })

  it('averages areas: ink mass is kept, spread over the covering pixels', () => {
    // Ink in every other column of a 39x40 box: it scales by 1/2 into 20x20, each
    // output column covering 1.95 source columns, so no output pixel is full or empty
    // and the mean ink stays 20/39 of full.
    const stripes = Array.from({ length: 20 }, (_, i) => ({ x: i * 2, y: 0, w: 1, h: 40 }))
    const out = preprocessDrawing(canvas(39, 40, stripes))
    const inked = out.filter((v) => v > 0)
    expect(inked).toHaveLength(400)
    expect(inked.every((v) => v < 255)).toBe(true)
    const mean = inked.reduce((a, b) => a + b, 0) / inked.length
    expect(mean).toBeCloseTo((20 / 39) * 255, 0)
  })

  it('centres by centre of mass, not by bounding box', () => {
    // A heavy block on the left and a thin tail to the right: the box would put the
    // block left of centre; the centre of mass puts the block near the middle.
    const out = preprocessDrawing(
      canvas(200, 200, [
        { x: 0, y: 0, w: 60, h: 100 },
        { x: 60, y: 45, w: 40, h: 10 }
      ])
    )
    const c = centre(out)
    expect(Math.abs(c.x - 13.5)).toBeLessThanOrEqual(0.5)
    expect(Math.abs(c.y - 13.5)).toBeLessThanOrEqual(0.5)
    const [left] = outputBox(out)
    expect(left).toBeGreaterThan(4)
  })

  it('gives nearly the same input for the same digit drawn at two sizes and places', () => {
    const small = preprocessDrawing(
      canvas(280, 280, [
        { x: 10, y: 10, w: 10, h: 60 },
        { x: 10, y: 60, w: 40, h: 10 }
      ])
    )
    const large = preprocessDrawing(
      canvas(280, 280, [
        { x: 100, y: 40, w: 40, h: 240 },
        { x: 100, y: 240, w: 160, h: 40 }
      ])
    )
    const diff = small.reduce((a, v, i) => a + Math.abs(v - large[i]), 0) / 784
    expect(diff).toBeLessThan(2)
  })

  it('keeps a one-pixel line visible', () => {
    const out = preprocessDrawing(canvas(280, 280, [{ x: 140, y: 30, w: 1, h: 200 }]))
    const [left, top, right, bottom] = outputBox(out)
    expect([right - left + 1, bottom - top + 1]).toEqual([1, 20])
    expect(out.filter((v) => v > 0).every((v) => v === 255)).toBe(true)
  })

  it('ignores faint pixels at or below the threshold', () => {
    const faint = canvas(100, 100, [
      { x: 0, y: 0, w: 100, h: 100, ink: 5 },
      { x: 40, y: 40, w: 20, h: 20 }
    ])
    const out = preprocessDrawing(faint, { threshold: 5 })
    expect(outputBox(out)).toEqual([4, 4, 23, 23])
  })

  it('returns whole numbers in 0..255', () => {
    const out = preprocessDrawing(canvas(50, 37, [{ x: 3, y: 5, w: 17, h: 29, ink: 200 }]))
    expect(out.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true)
  })

  it('refuses a bitmap whose data does not match its size', () => {
    expect(() => preprocessDrawing({ width: 10, height: 10, data: new Uint8Array(99) })).toThrow(
      /100 pixels, but 99 values/
    )
    expect(() => preprocessDrawing({ width: 0, height: 10, data: [] })).toThrow(/at least 1x1/)
  })
})

describe('resampleArea', () => {
  it('averages 2x2 blocks when halving', () => {
    const out = resampleArea(
      { width: 4, height: 2, data: [0, 100, 200, 200, 100, 200, 0, 0] },
      2,
      1
    )
    expect(Array.from(out.data)).toEqual([100, 100])
  })

  it('weights partly covered pixels by their overlap', () => {
    // 3 -> 2: the first output covers source [0, 1.5): (30 * 1 + 90 * 0.5) / 1.5 = 50.
    const out = resampleArea({ width: 3, height: 1, data: [30, 90, 0] }, 2, 1)
    expect(out.data[0]).toBeCloseTo(50, 4)
    expect(out.data[1]).toBeCloseTo(30, 4)
  })

  it('keeps the mean ink when scaling up', () => {
    const out = resampleArea({ width: 2, height: 2, data: [255, 0, 0, 255] }, 4, 4)
    expect(Array.from(out.data).slice(0, 4)).toEqual([255, 255, 0, 0])
  })
})

describe('inkFromRgba', () => {
  const pixel = (r: number, g: number, b: number, a: number): number[] => [r, g, b, a]

  it('reads alpha for strokes on a transparent canvas', () => {
    const ink = inkFromRgba([...pixel(0, 0, 0, 0), ...pixel(0, 0, 0, 200)], 2, 1, 'alpha')
    expect(Array.from(ink.data)).toEqual([0, 200])
  })

  it('inverts dark pen on white paper', () => {
    const ink = inkFromRgba(
      [...pixel(255, 255, 255, 255), ...pixel(0, 0, 0, 255), ...pixel(0, 0, 0, 0)],
      3,
      1,
      'dark-on-light'
    )
    expect(Array.from(ink.data).map(Math.round)).toEqual([0, 255, 0])
  })

  it('reads a white pen on black as ink', () => {
    const ink = inkFromRgba(
      [...pixel(255, 255, 255, 255), ...pixel(0, 0, 0, 255)],
      2,
      1,
      'light-on-dark'
    )
    expect(Array.from(ink.data).map(Math.round)).toEqual([255, 0])
  })

  it('refuses data of the wrong length', () => {
    expect(() => inkFromRgba([0, 0, 0], 1, 1, 'alpha')).toThrow(/has 4 values, not 3/)
  })
})
