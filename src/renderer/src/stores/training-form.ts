/**
 * The Train tab's form, as the inputs hold it (text), and its translation into
 * a TrainConfig with one clear message per invalid field. Pure, so it is tested
 * without a DOM; the contract's schema still has the last word.
 */
import {
  maxWorkers,
  trainConfigSchema,
  type Activation,
  type BackendChoice,
  type ModelSpec,
  type OptimizerName,
  type Scaling,
  type TrainConfig
} from '../../../shared/contract'
import { defaultCnnSpec, defaultModelSpec } from '../../../shared/model-summary'
import { defaultScheduleDraft, parseScheduleDraft, type ScheduleDraft } from './schedule-form'
import { translate } from '../i18n'
import { formatNumber } from '../i18n/format'

export interface LayerDraft {
  units: string
  activation: Activation
  dropout: string
}

export interface CnnDraft {
  filters1: string
  filters2: string
  dense: string
  dropout: string
}

export interface ModelDraft {
  kind: 'mlp' | 'cnn'
  hidden: LayerDraft[]
  cnn: CnnDraft
}

export interface HyperDraft {
  optimizer: OptimizerName
  learningRate: string
  momentum: string
  batchSize: string
  epochs: string
  shuffle: boolean
  seed: string
  l2: string
  backend: BackendChoice
  /** Worker threads per batch; empty means one per core. */
  workers: string
  schedule: ScheduleDraft
}

/** Field keys: hyperparameter names, 'layer.<i>.units|dropout', 'cnn.<field>', 'dataset'. */
export type FormErrors = Record<string, string>

export const maxHiddenLayers = 16

export function defaultModelDraft(): ModelDraft {
  const cnn = defaultCnnSpec.kind === 'cnn' ? defaultCnnSpec : null
  return {
    kind: 'mlp',
    hidden:
      defaultModelSpec.kind === 'mlp'
        ? defaultModelSpec.hidden.map((l) => ({
            units: String(l.units),
            activation: l.activation,
            dropout: String(l.dropout)
          }))
        : [],
    cnn: {
      filters1: String(cnn?.filters[0] ?? 16),
      filters2: String(cnn?.filters[1] ?? 32),
      dense: String(cnn?.dense ?? 64),
      dropout: String(cnn?.dropout ?? 0)
    }
  }
}

/** The seed's loop: Adam with its defaults, batch 256, 2 epochs, reshuffled. */
export function defaultHyperDraft(): HyperDraft {
  return {
    optimizer: 'adam',
    learningRate: '0.001',
    momentum: '0.9',
    batchSize: '256',
    epochs: '2',
    shuffle: true,
    seed: '42',
    l2: '0',
    backend: 'auto',
    workers: '',
    schedule: defaultScheduleDraft()
  }
}

export function newLayer(): LayerDraft {
  return { units: '64', activation: 'relu', dropout: '0' }
}

interface NumberRule {
  label: string
  min: number
  max: number
  integer?: boolean
  /** True when min itself is not allowed (a learning rate of 0 learns nothing). */
  exclusiveMin?: boolean
}

/** Parses one field; returns the number, or a sentence saying what is expected. */
export function parseNumber(text: string, rule: NumberRule): number | string {
  const trimmed = text.trim()
  const value = trimmed === '' ? Number.NaN : Number(trimmed)
  const kind = rule.integer ? 'whole' : 'number'
  const lower = rule.exclusiveMin ? 'Above' : 'AtLeast'
  const expected = translate(`train.form.${kind}${lower}`, {
    field: rule.label,
    min: formatNumber(rule.min, 4),
    max: formatNumber(rule.max, 4)
  })
  if (!Number.isFinite(value))
    return trimmed === '' ? translate('train.form.enter', { field: rule.label }) : expected
  if (rule.integer && !Number.isInteger(value)) return expected
  if (value < rule.min || (rule.exclusiveMin && value === rule.min) || value > rule.max)
    return expected
  return value
}

export interface ParsedForm {
  /** Null while any field is invalid. */
  config: TrainConfig | null
  /** The model as far as it parses; null when a layer field is invalid. */
  spec: ModelSpec | null
  errors: FormErrors
}

export function parseTrainForm(
  model: ModelDraft,
  hyper: HyperDraft,
  datasetId: string | null,
  scaling: Scaling
): ParsedForm {
  const errors: FormErrors = {}
  const field = (key: string, text: string, rule: NumberRule): number => {
    const parsed = parseNumber(text, rule)
    if (typeof parsed === 'string') {
      errors[key] = parsed
      return Number.NaN
    }
    return parsed
  }
  const dropoutRule = (label: string): NumberRule => ({ label, min: 0, max: 0.95 })

  let spec: ModelSpec
  if (model.kind === 'mlp') {
    spec = {
      kind: 'mlp',
      hidden: model.hidden.map((layer, i) => ({
        units: field(`layer.${i}.units`, layer.units, {
          label: translate('train.form.unitsOf', { n: i + 1 }),
          min: 1,
          max: 4096,
          integer: true
        }),
        activation: layer.activation,
        dropout: field(
          `layer.${i}.dropout`,
          layer.dropout,
          dropoutRule(translate('train.form.dropoutOf', { n: i + 1 }))
        )
      }))
    }
    if (model.hidden.length > maxHiddenLayers) {
      errors['model'] = translate('train.form.tooManyLayers', { max: maxHiddenLayers })
    }
  } else {
    const filters = { min: 1, max: 256, integer: true }
    spec = {
      kind: 'cnn',
      filters: [
        field('cnn.filters1', model.cnn.filters1, {
          label: translate('train.form.filtersOf', { n: 1 }),
          ...filters
        }),
        field('cnn.filters2', model.cnn.filters2, {
          label: translate('train.form.filtersOf', { n: 2 }),
          ...filters
        })
      ],
      dense: field('cnn.dense', model.cnn.dense, {
        label: translate('train.model.dense'),
        min: 1,
        max: 4096,
        integer: true
      }),
      dropout: field(
        'cnn.dropout',
        model.cnn.dropout,
        dropoutRule(translate('train.model.dropout'))
      )
    }
  }
  const modelValid = Object.keys(errors).length === 0

  const candidate = {
    datasetId: datasetId ?? '',
    model: spec,
    optimizer: hyper.optimizer,
    learningRate: field('learningRate', hyper.learningRate, {
      label: translate('train.setup.learningRate'),
      min: 0,
      max: 10,
      exclusiveMin: true
    }),
    schedule: parseScheduleDraft(hyper.schedule, errors),
    momentum:
      hyper.optimizer === 'sgd'
        ? field('momentum', hyper.momentum, {
            label: translate('train.setup.momentum'),
            min: 0,
            max: 0.999
          })
        : 0,
    batchSize: field('batchSize', hyper.batchSize, {
      label: translate('train.setup.batchSize'),
      min: 1,
      max: 8192,
      integer: true
    }),
    epochs: field('epochs', hyper.epochs, {
      label: translate('train.setup.epochs'),
      min: 1,
      max: 1000,
      integer: true
    }),
    shuffle: hyper.shuffle,
    seed: field('seed', hyper.seed, {
      label: translate('train.setup.seed'),
      min: 0,
      max: 2 ** 31 - 1,
      integer: true
    }),
    scaling,
    l2: field('l2', hyper.l2, { label: translate('train.setup.l2'), min: 0, max: 1 }),
    trainFraction: 1,
    backend: hyper.backend,
    workers:
      hyper.workers.trim() === ''
        ? null
        : field('workers', hyper.workers, {
            label: translate('train.setup.workers'),
            min: 1,
            max: maxWorkers,
            integer: true
          })
  }
  if (!datasetId) errors['dataset'] = translate('train.form.noDataset')

  if (Object.keys(errors).length > 0) {
    return { config: null, spec: modelValid ? spec : null, errors }
  }
  // Our rules mirror the schema; if they ever drift, say so rather than send a bad request.
  const checked = trainConfigSchema.safeParse(candidate)
  if (!checked.success) {
    errors['form'] = checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    return { config: null, spec, errors }
  }
  return { config: checked.data, spec, errors }
}
