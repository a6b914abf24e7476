/**
 * The search form as typed (text) and its translation into a search.start
 * request; also the way a trial's config goes back into the Train form. Pure,
 * so it is tested without a DOM; the contract's schemas set every limit.
 */
import {
  defaultSearchSpace,
  searchLimits,
  searchSpaceSchema,
  type SearchSpace,
  type TrainConfig
} from '../../../shared/contract'
import { translate } from '../i18n'
import { issueText } from './issue-text'
import { scheduleDraftOf } from './schedule-form'
import type { HyperDraft, ModelDraft } from './training-form'

export interface SearchDraft {
  trials: string
  epochs: string
  parallel: string
  seed: string
  lrMin: string
  lrMax: string
  batchSizes: string
  widths: string
  depths: string
  dropoutMin: string
  dropoutMax: string
  l2: string
  optimizers: string
  schedules: string
}

const list = (values: readonly (string | number)[]): string => values.join(', ')

export function defaultSearchDraft(cores: number): SearchDraft {
  const s = defaultSearchSpace
  const mlp = s.model.kind === 'mlp' ? s.model : { widths: [64], depths: [3] }
  return {
    trials: '8',
    epochs: '2',
    parallel: String(Math.max(1, cores)),
    seed: '42',
    lrMin: String(s.learningRate.min),
    lrMax: String(s.learningRate.max),
    batchSizes: list(s.batchSize),
    widths: list(mlp.widths),
    depths: list(mlp.depths),
    dropoutMin: String(s.dropout.min),
    dropoutMax: String(s.dropout.max),
    l2: list(s.l2),
    optimizers: list(s.optimizer),
    schedules: list(s.schedule)
  }
}

/** Draft keys by the space field they fill, so a schema issue lands under its input. */
const fieldOfPath: Record<string, keyof SearchDraft> = {
  learningRate: 'lrMin',
  'learningRate.min': 'lrMin',
  'learningRate.max': 'lrMax',
  batchSize: 'batchSizes',
  'model.widths': 'widths',
  'model.depths': 'depths',
  dropout: 'dropoutMin',
  'dropout.min': 'dropoutMin',
  'dropout.max': 'dropoutMax',
  l2: 'l2',
  optimizer: 'optimizers',
  schedule: 'schedules'
}

export interface ParsedSearch {
  request: {
    space: SearchSpace
    trials: number
    epochs: number
    parallel: number
    seed: number
  } | null
  errors: Partial<Record<keyof SearchDraft, string>>
}

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text))
const numbers = (text: string): number[] =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(Number)
const words = (text: string): string[] =>
  text
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '')

/** The label of a draft field, as the form shows it. */
function fieldLabel(key: keyof SearchDraft): string {
  return translate(`tune.search.fields.${key}`)
}

export function parseSearchDraft(draft: SearchDraft): ParsedSearch {
  const errors: ParsedSearch['errors'] = {}
  const count = (key: 'trials' | 'epochs' | 'parallel', max: number): number => {
    const value = number(draft[key])
    if (!Number.isInteger(value) || value < 1 || value > max) {
      errors[key] = translate('tune.issues.count', { field: fieldLabel(key), max })
    }
    return value
  }
  const trials = count('trials', searchLimits.maxTrials)
  const epochs = count('epochs', searchLimits.maxEpochs)
  const parallel = count('parallel', searchLimits.maxParallel)
  const seed = number(draft.seed)
  if (!Number.isInteger(seed) || seed < 0) {
    errors.seed = translate('tune.issues.seed', { field: fieldLabel('seed') })
  }
  const candidate = {
    learningRate: { min: number(draft.lrMin), max: number(draft.lrMax) },
    batchSize: numbers(draft.batchSizes),
    model: { kind: 'mlp', widths: numbers(draft.widths), depths: numbers(draft.depths) },
    dropout: { min: number(draft.dropoutMin), max: number(draft.dropoutMax) },
    l2: numbers(draft.l2),
    optimizer: words(draft.optimizers),
    schedule: words(draft.schedules)
  }
  const parsed = searchSpaceSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p) => typeof p === 'string').join('.')
      const key = fieldOfPath[path] ?? fieldOfPath[path.split('.')[0]!] ?? 'lrMin'
      errors[key] ??= issueText(issue, fieldLabel(key))
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { request: null, errors }
  return { request: { space: parsed.data, trials, epochs, parallel, seed }, errors }
}

/** The Train form's drafts showing `config`: how a trial's configuration is trained fully. */
export function draftsOf(
  config: TrainConfig,
  hyper: HyperDraft,
  model: ModelDraft
): {
  hyper: HyperDraft
  model: ModelDraft
} {
  const nextModel: ModelDraft =
    config.model.kind === 'mlp'
      ? {
          ...model,
          kind: 'mlp',
          hidden: config.model.hidden.map((l) => ({
            units: String(l.units),
            activation: l.activation,
            dropout: String(l.dropout)
          }))
        }
      : {
          ...model,
          kind: 'cnn',
          cnn: {
            filters1: String(config.model.filters[0]),
            filters2: String(config.model.filters[1]),
            dense: String(config.model.dense),
            dropout: String(config.model.dropout)
          }
        }
  return {
    model: nextModel,
    hyper: {
      ...hyper,
      optimizer: config.optimizer,
      learningRate: String(config.learningRate),
      momentum: String(config.momentum),
      batchSize: String(config.batchSize),
      epochs: String(config.epochs),
      shuffle: config.shuffle,
      seed: String(config.seed),
      l2: String(config.l2),
      schedule: scheduleDraftOf(config.schedule)
    }
  }
}
