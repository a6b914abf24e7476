import { z } from 'zod'

/** Dataset ids are folder names in the cache: keep them boring. */
export const datasetIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a dataset id is lower-case letters, digits and dashes')

export const splitSchema = z.enum(['train', 'test'])
export type Split = z.infer<typeof splitSchema>

/** Input scaling, as Explore shows it and Train applies it. */
export const scalingSchema = z.enum(['none', 'unit', 'symmetric', 'standardize'])
export type Scaling = z.infer<typeof scalingSchema>

export type DatasetKind = 'bundled' | 'download' | 'imported'
export type DatasetState = 'ready' | 'not-downloaded' | 'downloading'

export interface DatasetSummary {
  id: string
  name: string
  kind: DatasetKind
  state: DatasetState
  classNames: string[]
  /** Known once the data is on disk (or published, for downloads). */
  counts: { train: number; test: number }
  description: string
  /** How train and test were made, in a sentence (for the sample, which we split). */
  splitNote: string
  /** Bytes to download, for datasets not yet in the cache. */
  downloadBytes?: number
}

export interface DatasetFacts {
  id: string
  name: string
  counts: { train: number; test: number; total: number }
  imageShape: [number, number]
  inputSize: number
  storage: { container: string; dtype: string }
  labelType: string
  valueRange: { min: number; max: number }
  classNames: string[]
  classCounts: { train: number[]; test: number[] }
  /** Largest class count over smallest, per split. */
  imbalanceRatio: { train: number; test: number }
  meanPixel: number
  splitNote: string
}

export interface DigitSample {
  index: number
  label: number
  /** 784 uint8 values, row by row. */
  pixels: number[]
}

export interface SamplePage {
  total: number
  page: number
  pageSize: number
  items: DigitSample[]
}

export interface IntensityHistogram {
  min: number
  max: number
  /** Bin edges, one more than counts. */
  edges: number[]
  counts: number[]
}

export interface ScalingReport {
  scaling: Scaling
  before: IntensityHistogram
  after: IntensityHistogram
  /** The mean and standard deviation used by 'standardize' (raw pixel units). */
  mean: number
  std: number
}

export interface ClassImages {
  /** One 784-value mean image per class, in raw pixel units. */
  mean: number[][]
  /** Per-pixel standard deviation over the whole train split. */
  std: number[]
}

export interface DownloadProgressEvent {
  id: string
  file: string
  receivedBytes: number
  totalBytes: number
  percent: number
  bytesPerSecond: number
}

const maxClassNames = 100

export const datasetRequests = {
  'datasets.list': z.object({}).strict(),
  'datasets.download': z.object({ id: datasetIdSchema }).strict(),
  'datasets.cancelDownload': z.object({ id: datasetIdSchema }).strict(),
  'datasets.import': z
    .object({
      dir: z.string().min(1, 'choose a folder to import').max(4096),
      name: z.string().trim().min(1, 'give the dataset a name').max(60),
      classNames: z.array(z.string().trim().min(1).max(40)).min(2).max(maxClassNames).optional()
    })
    .strict(),
  'datasets.delete': z.object({ id: datasetIdSchema }).strict(),
  'explore.facts': z.object({ datasetId: datasetIdSchema }).strict(),
  'explore.samples': z
    .object({
      datasetId: datasetIdSchema,
      split: splitSchema,
      classFilter: z.number().int().min(0).max(maxClassNames).nullable(),
      page: z.number().int().min(0),
      pageSize: z.number().int().min(1).max(100)
    })
    .strict(),
  'explore.scaling': z.object({ datasetId: datasetIdSchema, scaling: scalingSchema }).strict(),
  'explore.classImages': z.object({ datasetId: datasetIdSchema }).strict()
} as const

export interface DatasetResults {
  'datasets.list': DatasetSummary[]
  'datasets.download': DatasetSummary
  'datasets.cancelDownload': { cancelled: boolean }
  'datasets.import': DatasetSummary
  'datasets.delete': { deleted: boolean }
  'explore.facts': DatasetFacts
  'explore.samples': SamplePage
  'explore.scaling': ScalingReport
  'explore.classImages': ClassImages
}

export interface DatasetEvents {
  'dataset.downloadProgress': DownloadProgressEvent
}
