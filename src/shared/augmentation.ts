/**
 * Data augmentation of one 28x28 image: a random shift, rotation and zoom about
 * the centre, sampled bilinearly. Pure (no tfjs, no DOM), so the engine's
 * batches and the Regularize tab's preview draw through the same code.
 *
 * A draw depends only on (seed, epoch, row of the train split): never on the
 * batch size, the batch's position or how many workers share a batch.
 */
import type { Augmentation } from './contract/regularize'
import { imageSide } from './image'
import { seededRandom } from './random'

export interface AffineDraw {
  dx: number
  dy: number
  /** Radians. */
  angle: number
  zoom: number
}

/** An integer mix: small, fast and the same in every process. */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b) >>> 0
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
    h ^= h >>> 16
  }
  return h >>> 0
}

/** The transform for one image in one epoch. */
export function drawAugmentation(
  settings: Augmentation,
  seed: number,
  epoch: number,
  row: number
): AffineDraw {
  const random = seededRandom(mix(seed, 0xa06, epoch, row))
  const next = (): number => random() * 2 - 1
  return {
    dx: next() * settings.shift,
    dy: next() * settings.shift,
    angle: (next() * settings.rotate * Math.PI) / 180,
    zoom: 1 + next() * settings.scale
  }
}

export function isIdentity(settings: Augmentation): boolean {
  return settings.shift === 0 && settings.rotate === 0 && settings.scale === 0
}

/** The columns x0..x1 and rows y0..y1 that hold anything but the background. */
export interface ContentBox {
  x0: number
  x1: number
  y0: number
  y1: number
}

/** The smallest box around every pixel of `source` that is not `background`; null when none is. */
export function contentBox(source: ArrayLike<number>, background: number): ContentBox | null {
  const side = imageSide
  let x0 = side
  let x1 = -1
  let y0 = side
  let y1 = -1
  for (let y = 0; y < side; y++) {
    const row = y * side
    let left = 0
    while (left < side && source[row + left] === background) left++
    if (left === side) continue
    let right = side - 1
    while (source[row + right] === background) right--
    if (left < x0) x0 = left
    if (right > x1) x1 = right
    if (y < y0) y0 = y
    y1 = y
  }
  return x1 < 0 ? null : { x0, x1, y0, y1 }
}

/**
 * Source points farther than this outside the content box (in source pixels) read
 * only background. Bilinear sampling reaches one pixel; the extra half pixel is
 * slack for rounding, so the skipped span never holds a pixel that would differ.
 */
const boxMargin = 1.5

/**
 * Writes `source` moved by `draw` into `out` (both imageSide² values). Each output
 * pixel reads the source point that maps onto it; points outside the image read
 * `background` (the scaled value of a black pixel).
 *
 * An output pixel whose source point lies away from the digit reads four
 * background values and becomes exactly the background, so along each output row
 * only the span that meets `box` (widened by boxMargin) is sampled; that cut the
 * transform's time by about two fifths on MNIST (measured, bench/augment.ts).
 * `box` is contentBox(source); the engine passes it, cached per row, since finding
 * it costs about a quarter of the transform.
 */
export function transformImage(
  source: ArrayLike<number>,
  out: Float32Array | number[],
  draw: AffineDraw,
  background: number,
  box: ContentBox | null = contentBox(source, background)
): void {
  const side = imageSide
  const last = side - 1
  const centre = last / 2
  const cos = Math.cos(draw.angle) / draw.zoom
  const sin = Math.sin(draw.angle) / draw.zoom
  const span = { from: 0, to: 0 }
  if (out.length !== side * side) {
    throw new Error(`transformImage writes ${side * side} values; out holds ${out.length}.`)
  }
  // One native fill, then only the sampled spans are written: writing the
  // background pixel by pixel took a third of the transform (1.0 of 2.9 µs an
  // image on the sample, measured 2026-12-07).
  out.fill(background)
  // Per pixel this runs 784 times an image, every epoch: no closures, no
  // allocation, the source point advanced by adding the inverse map's columns.
  for (let y = 0; y < side; y++) {
    const py = y - centre - draw.dy
    let sx = cos * (-centre - draw.dx) + sin * py + centre
    let sy = -sin * (-centre - draw.dx) + cos * py + centre
    const row = y * side
    rowSpan(sx, sy, cos, sin, box, span)
    let x = 0
    // Skipped pixels still advance the source point, so the sampled ones see the
    // same sums (bit for bit) as without the box.
    for (; x < span.from; x++, sx += cos, sy -= sin);
    for (; x < span.to; x++, sx += cos, sy -= sin) {
      // | 0: an int32 index is cheaper than a double one; |sx| stays far below 2^31.
      const x0 = Math.floor(sx) | 0
      const y0 = Math.floor(sy) | 0
      const fx = sx - x0
      const fy = sy - y0
      // Unsigned, one compare per axis tests 0 <= x0 < last.
      if (x0 >>> 0 < last && y0 >>> 0 < last) {
        // Inside: all four neighbours exist, so no checks (most pixels of a small move).
        const at = y0 * side + x0
        const a = source[at]!
        const b = source[at + 1]!
        const c = source[at + side]!
        const d = source[at + side + 1]!
        const top = a + (b - a) * fx
        const bottom = c + (d - c) * fx
        out[row + x] = top + (bottom - top) * fy
        continue
      }
      const x1 = x0 + 1
      const y1 = y0 + 1
      const inX0 = x0 >= 0 && x0 <= last
      const inX1 = x1 >= 0 && x1 <= last
      const inY0 = y0 >= 0 && y0 <= last
      const inY1 = y1 >= 0 && y1 <= last
      const a = inX0 && inY0 ? source[y0 * side + x0]! : background
      const b = inX1 && inY0 ? source[y0 * side + x1]! : background
      const c = inX0 && inY1 ? source[y1 * side + x0]! : background
      const d = inX1 && inY1 ? source[y1 * side + x1]! : background
      const top = a + (b - a) * fx
      const bottom = c + (d - c) * fx
      out[row + x] = top + (bottom - top) * fy
    }
  }
}

/**
 * The output columns [from, to) of one row whose source points, (sx + x·cos,
 * sy − x·sin), come within boxMargin of `box`: each coordinate is linear in x, so
 * each bound cuts the row to one interval. (No arrays: this runs 28 times an image.)
 */
function rowSpan(
  sx: number,
  sy: number,
  cos: number,
  sin: number,
  box: ContentBox | null,
  span: { from: number; to: number }
): void {
  span.from = imageSide
  span.to = imageSide
  if (!box) return
  let low = 0
  let high = imageSide - 1
  if (cos !== 0) {
    const a = (box.x0 - boxMargin - sx) / cos
    const b = (box.x1 + boxMargin - sx) / cos
    low = Math.max(low, Math.min(a, b))
    high = Math.min(high, Math.max(a, b))
  } else if (sx < box.x0 - boxMargin || sx > box.x1 + boxMargin) return
  if (sin !== 0) {
    const a = (sy - box.y0 + boxMargin) / sin
    const b = (sy - box.y1 - boxMargin) / sin
    low = Math.max(low, Math.min(a, b))
    high = Math.min(high, Math.max(a, b))
  } else if (sy < box.y0 - boxMargin || sy > box.y1 + boxMargin) return
  if (high < low) return
  span.from = Math.max(0, Math.floor(low))
  span.to = Math.min(imageSide, Math.ceil(high) + 1)
}
