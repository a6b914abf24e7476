/**
 * Data augmentation of one 28x28 image: a random shift, rotation and zoom about
 * the centre, sampled bilinearly. Pure (no tfjs, no DOM), so the engine's
 * batches and the Regularize tab's preview draw through the same code.
 *
 * A draw depends only on (seed, epoch, row of the train split): never on the
 * batch size, the batch's position or how many workers share a batch.
 */
import type { Augmentation } from './contract/regularize'

export const imageSide = 28

export interface AffineDraw {
  dx: number
  dy: number
  /** Radians. */
  angle: number
  zoom: number
}

/** mulberry32 step and an integer mix: small, fast and the same in every process. */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b) >>> 0
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
    h ^= h >>> 16
  }
  return h >>> 0
}

function uniform(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0
  let t = next
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next]
}

/** The transform for one image in one epoch. */
export function drawAugmentation(
  settings: Augmentation,
  seed: number,
  epoch: number,
  row: number
): AffineDraw {
  let state = mix(seed, 0xa06, epoch, row)
  const next = (): number => {
    const [value, after] = uniform(state)
    state = after
    return value * 2 - 1
  }
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

/**
 * Writes `source` moved by `draw` into `out` (both imageSide² values). Each output
 * pixel reads the source point that maps onto it; points outside the image read
 * `background` (the scaled value of a black pixel).
 */
export function transformImage(
  source: ArrayLike<number>,
  out: { [index: number]: number },
  draw: AffineDraw,
  background: number
): void {
  const side = imageSide
  const last = side - 1
  const centre = last / 2
  const cos = Math.cos(draw.angle) / draw.zoom
  const sin = Math.sin(draw.angle) / draw.zoom
  // Per pixel this runs 784 times an image, every epoch: no closures, no
  // allocation, the source point advanced by adding the inverse map's columns.
  for (let y = 0; y < side; y++) {
    const py = y - centre - draw.dy
    let sx = cos * (-centre - draw.dx) + sin * py + centre
    let sy = -sin * (-centre - draw.dx) + cos * py + centre
    for (let x = 0; x < side; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      const fx = sx - x0
      const fy = sy - y0
      if (x0 >= 0 && x0 < last && y0 >= 0 && y0 < last) {
        // Inside: all four neighbours exist, so no checks (most pixels of a small move).
        const at = y0 * side + x0
        const top = source[at]! + (source[at + 1]! - source[at]!) * fx
        const bottom = source[at + side]! + (source[at + side + 1]! - source[at + side]!) * fx
        out[y * side + x] = top + (bottom - top) * fy
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
      out[y * side + x] = top + (bottom - top) * fy
    }
  }
}
