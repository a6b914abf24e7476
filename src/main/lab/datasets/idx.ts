/**
 * The IDX format of MNIST and Fashion-MNIST: a big-endian header, then raw uint8
 * data. Images: magic 2051, count, rows, cols, pixels. Labels: magic 2049, count,
 * labels. Files may be gzip-compressed; we tell by the gzip magic bytes, never by
 * the file name, because users rename files.
 */
import { imageSide } from '../../../shared/image'
import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { LabError } from '../../../shared/contract'

export const IDX_IMAGES_MAGIC = 2051
export const IDX_LABELS_MAGIC = 2049
const IMAGES_HEADER_BYTES = 16
const LABELS_HEADER_BYTES = 8

/** The app feeds 784 inputs to every model: other image sizes are refused at the door. */

export type IdxProblem =
  | 'bad-magic'
  | 'truncated'
  | 'trailing-bytes'
  | 'bad-dimensions'
  | 'count-mismatch'
  | 'label-out-of-range'
  | 'bad-gzip'
  | 'unreadable'

/** A file that is not the IDX file we expected. Names the file and what is wrong. */
export class IdxError extends LabError {
  constructor(
    readonly file: string,
    readonly problem: IdxProblem,
    detail: string
  ) {
    super('dataset_invalid', `${file}: ${detail}`, {
      key: `explore.errors.idx.${problem}`,
      params: { file }
    })
    this.name = 'IdxError'
  }
}

export interface IdxImages {
  count: number
  rows: number
  cols: number
  /** count * rows * cols bytes, row by row; a view into the file's bytes, not a copy. */
  pixels: Uint8Array
}

export interface IdxLabels {
  count: number
  labels: Uint8Array
}

const GZIP_MAGIC = [0x1f, 0x8b] as const

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]
}

/** The IDX bytes of a file's contents, gunzipped if they are gzip. */
export function decodeContainer(bytes: Uint8Array, file: string): Uint8Array {
  if (!isGzip(bytes)) return bytes
  try {
    return gunzipSync(bytes)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new IdxError(
      file,
      'bad-gzip',
      `the gzip data is damaged (${reason}). Download or copy the file again.`
    )
  }
}

/** Reads a raw or gzipped IDX file into memory as plain IDX bytes. */
export async function readIdxBytes(path: string): Promise<Uint8Array> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new IdxError(basename(path), 'unreadable', `cannot be read (${reason}).`)
  }
  return decodeContainer(bytes, basename(path))
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function checkMagic(bytes: Uint8Array, file: string, expected: number, what: string): void {
  if (bytes.length < 4) {
    throw new IdxError(
      file,
      'truncated',
      `is ${bytes.length} bytes long, too short for an IDX header.`
    )
  }
  const magic = view(bytes).getUint32(0)
  if (magic !== expected) {
    const other =
      magic === IDX_IMAGES_MAGIC
        ? ' (that is an images file)'
        : magic === IDX_LABELS_MAGIC
          ? ' (that is a labels file)'
          : ''
    throw new IdxError(
      file,
      'bad-magic',
      `expected an IDX ${what} file (magic number ${expected}) but found ${magic}${other}. Check that the right file has this name.`
    )
  }
}

function checkLength(
  bytes: Uint8Array,
  file: string,
  expected: number,
  count: number,
  unit: string
): void {
  if (bytes.length < expected) {
    throw new IdxError(
      file,
      'truncated',
      `the header announces ${count} ${unit} (${expected} bytes) but the file holds only ${bytes.length} bytes. The file is cut short: download or copy it again.`
    )
  }
  if (bytes.length > expected) {
    throw new IdxError(
      file,
      'trailing-bytes',
      `has ${bytes.length - expected} bytes more than its header announces for ${count} ${unit}. It is not a well-formed IDX file.`
    )
  }
}

export interface ImageExpectations {
  rows?: number
  cols?: number
  count?: number
}

export function parseIdxImages(
  bytes: Uint8Array,
  file: string,
  expect: ImageExpectations = { rows: imageSide, cols: imageSide }
): IdxImages {
  checkMagic(bytes, file, IDX_IMAGES_MAGIC, 'images')
  if (bytes.length < IMAGES_HEADER_BYTES) {
    throw new IdxError(file, 'truncated', `the images header is cut short (${bytes.length} bytes).`)
  }
  const header = view(bytes)
  const count = header.getUint32(4)
  const rows = header.getUint32(8)
  const cols = header.getUint32(12)
  if (
    (expect.rows !== undefined && rows !== expect.rows) ||
    (expect.cols !== undefined && cols !== expect.cols)
  ) {
    throw new IdxError(
      file,
      'bad-dimensions',
      `holds ${rows}x${cols} images; the lab needs ${expect.rows ?? rows}x${expect.cols ?? cols}.`
    )
  }
  if (expect.count !== undefined && count !== expect.count) {
    throw new IdxError(
      file,
      'count-mismatch',
      `holds ${count} images but ${expect.count} were expected.`
    )
  }
  const size = count * rows * cols
  checkLength(bytes, file, IMAGES_HEADER_BYTES + size, count, 'images')
  return { count, rows, cols, pixels: bytes.subarray(IMAGES_HEADER_BYTES) }
}

export interface LabelExpectations {
  count?: number
  /** Labels must be below this (the number of classes). */
  classCount?: number
}

export function parseIdxLabels(
  bytes: Uint8Array,
  file: string,
  expect: LabelExpectations = {}
): IdxLabels {
  checkMagic(bytes, file, IDX_LABELS_MAGIC, 'labels')
  if (bytes.length < LABELS_HEADER_BYTES) {
    throw new IdxError(file, 'truncated', `the labels header is cut short (${bytes.length} bytes).`)
  }
  const count = view(bytes).getUint32(4)
  if (expect.count !== undefined && count !== expect.count) {
    throw new IdxError(
      file,
      'count-mismatch',
      `holds ${count} labels but its images file holds ${expect.count} images. Images and labels must come in pairs.`
    )
  }
  checkLength(bytes, file, LABELS_HEADER_BYTES + count, count, 'labels')
  const labels = bytes.subarray(LABELS_HEADER_BYTES)
  if (expect.classCount !== undefined) {
    const limit = expect.classCount
    const at = labels.findIndex((label) => label >= limit)
    if (at >= 0) {
      throw new IdxError(
        file,
        'label-out-of-range',
        `label number ${at} is ${labels[at]}, but there are only ${limit} classes (0 to ${limit - 1}). Give as many class names as there are classes.`
      )
    }
  }
  return { count, labels }
}

export function encodeIdxImages(images: {
  count: number
  rows: number
  cols: number
  pixels: Uint8Array
}): Uint8Array {
  const out = new Uint8Array(IMAGES_HEADER_BYTES + images.pixels.length)
  const header = view(out)
  header.setUint32(0, IDX_IMAGES_MAGIC)
  header.setUint32(4, images.count)
  header.setUint32(8, images.rows)
  header.setUint32(12, images.cols)
  out.set(images.pixels, IMAGES_HEADER_BYTES)
  return out
}

export function encodeIdxLabels(labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(LABELS_HEADER_BYTES + labels.length)
  const header = view(out)
  header.setUint32(0, IDX_LABELS_MAGIC)
  header.setUint32(4, labels.length)
  out.set(labels, LABELS_HEADER_BYTES)
  return out
}

/** Writes IDX bytes, gzipped when asked (as the published files are). */
export async function writeIdxFile(path: string, idx: Uint8Array, gzip: boolean): Promise<void> {
  await writeFile(path, gzip ? gzipSync(idx) : idx)
}
