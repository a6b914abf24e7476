/**
 * Turns a digit drawn on a canvas into the input MNIST would have made of it.
 * MNIST digits were size-normalized to fit a 20x20 box (keeping their aspect
 * ratio, with anti-aliasing) and then centred by centre of mass in a 28x28
 * field; a model trained on them expects exactly that, so a drawing fed in raw
 * (thin, off-centre, too big) is misread far more often than it should be.
 */
import { imageSide } from './image'
import { LabError } from './errors'

/** Ink per pixel, 0 (none) to 255 (full), row by row. */
export interface InkBitmap {
  width: number
  height: number
  data: ArrayLike<number>
}

/** The box MNIST scaled every digit into before centring it. */
export const mnistDigitBox = 20

export interface DrawingOptions {
  /** Pixels with ink at or below this are background when finding the bounding box. */
  threshold?: number
}

/**
 * 784 pixel values (0..255, integers, row by row) ready for `predict.image`.
 * A drawing without ink gives all zeros.
 */
export function preprocessDrawing(bitmap: InkBitmap, options: DrawingOptions = {}): number[] {
  checkBitmap(bitmap)
  const out = new Array<number>(imageSide * imageSide).fill(0)
  const box = inkBox(bitmap, options.threshold ?? 0)
  if (box === null) return out

  const cropped = crop(bitmap, box)
  const scale = mnistDigitBox / Math.max(box.width, box.height)
  const width = Math.max(1, Math.round(box.width * scale))
  const height = Math.max(1, Math.round(box.height * scale))
  const digit = resampleArea(cropped, width, height)

  const centre = centreOfMass(digit)
  // Whole-pixel shifts keep strokes sharp; clamping keeps the whole digit in the
  // field at the cost of a centre that is off by a pixel or two for lopsided shapes.
  const middle = (imageSide - 1) / 2
  const left = clamp(Math.round(middle - centre.x), 0, imageSide - width)
  const top = clamp(Math.round(middle - centre.y), 0, imageSide - height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = digit.data[y * width + x]
      out[(top + y) * imageSide + left + x] = clamp(Math.round(v), 0, 255)
    }
  }
  return out
}

export type InkSource = 'alpha' | 'dark-on-light' | 'light-on-dark'

/**
 * Ink from canvas RGBA pixels (ImageData.data): 'alpha' for strokes on a
 * transparent canvas, 'dark-on-light' for dark pen on paper (composited over
 * white), 'light-on-dark' for a white pen on black, as MNIST itself looks.
 */
export function inkFromRgba(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  source: InkSource
): InkBitmap {
  if (rgba.length !== width * height * 4) {
    throw new LabError(
      'invalid_request',
      `A ${width}x${height} RGBA image has ${width * height * 4} values, not ${rgba.length}. Pass the canvas ImageData's data with its own width and height.`
    )
  }
  const data = new Float32Array(width * height)
  for (let i = 0; i < data.length; i++) {
    const alpha = rgba[i * 4 + 3] / 255
    const luminance = 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2]
    if (source === 'alpha') data[i] = rgba[i * 4 + 3]
    else if (source === 'light-on-dark') data[i] = luminance * alpha
    else data[i] = 255 - (luminance * alpha + 255 * (1 - alpha))
  }
  return { width, height, data }
}

interface Box {
  left: number
  top: number
  width: number
  height: number
}

/** The smallest rectangle holding every pixel with more ink than the threshold. */
export function inkBox(bitmap: InkBitmap, threshold = 0): Box | null {
  let minX = Infinity
  let minY = Infinity
  let maxX = -1
  let maxY = -1
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (bitmap.data[y * bitmap.width + x] > threshold) {
        minX = Math.min(minX, x)
        maxX = Math.max(maxX, x)
        minY = Math.min(minY, y)
        maxY = Math.max(maxY, y)
      }
    }
  }
  if (maxX < 0) return null
  return { left: minX, top: minY, width: maxX - minX + 1, height: maxY - minY + 1 }
}

function crop(bitmap: InkBitmap, box: Box): InkBitmap {
  const data = new Float32Array(box.width * box.height)
  for (let y = 0; y < box.height; y++) {
    for (let x = 0; x < box.width; x++) {
      data[y * box.width + x] = bitmap.data[(box.top + y) * bitmap.width + box.left + x]
    }
  }
  return { width: box.width, height: box.height, data }
}

/**
 * Area-average resampling: each output pixel is the mean of the source area it
 * covers, partial pixels weighted by how much of them it covers. The box filter
 * is separable, so rows then columns give the same result as the 2-D area.
 */
export function resampleArea(source: InkBitmap, width: number, height: number): InkBitmap {
  const rows = new Float32Array(width * source.height)
  for (let y = 0; y < source.height; y++) {
    resample1d(source.data, y * source.width, 1, source.width, rows, y * width, 1, width)
  }
  const data = new Float32Array(width * height)
  for (let x = 0; x < width; x++) {
    resample1d(rows, x, width, source.height, data, x, width, height)
  }
  return { width, height, data }
}

function resample1d(
  src: ArrayLike<number>,
  srcStart: number,
  srcStride: number,
  srcLength: number,
  dst: Float32Array,
  dstStart: number,
  dstStride: number,
  dstLength: number
): void {
  const step = srcLength / dstLength
  for (let t = 0; t < dstLength; t++) {
    const from = t * step
    const to = from + step
    let total = 0
    for (let s = Math.floor(from); s < Math.min(srcLength, Math.ceil(to)); s++) {
      const overlap = Math.min(to, s + 1) - Math.max(from, s)
      if (overlap > 0) total += overlap * src[srcStart + s * srcStride]
    }
    dst[dstStart + t * dstStride] = total / step
  }
}

function centreOfMass(bitmap: InkBitmap): { x: number; y: number } {
  let mass = 0
  let sumX = 0
  let sumY = 0
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const v = bitmap.data[y * bitmap.width + x]
      mass += v
      sumX += v * x
      sumY += v * y
    }
  }
  if (mass === 0) return { x: (bitmap.width - 1) / 2, y: (bitmap.height - 1) / 2 }
  return { x: sumX / mass, y: sumY / mass }
}

function checkBitmap(bitmap: InkBitmap): void {
  const { width, height, data } = bitmap
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new LabError(
      'invalid_request',
      `A drawing must be at least 1x1 pixels with whole-number sides, not ${width}x${height}.`
    )
  }
  if (data.length !== width * height) {
    throw new LabError(
      'invalid_request',
      `A ${width}x${height} drawing has ${width * height} pixels, but ${data.length} values were given. Pass one ink value per pixel, row by row.`
    )
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
