/** How a run is described in one line of the runs table and the report. */
import type { ModelSpec, RunRecord, TrainConfig } from '../../../../shared/contract'
import { translate } from '../../i18n'
import { formatFixed, formatNumber, formatPercent, formatTime } from '../../i18n/format'

/** The contract's limit on a run's name. */
const maxRunName = 80

/**
 * The name a new run gets unless the user gives one, in the chosen language
 * ("MLP 64-64-64 on MNIST, 08:47"); the lab's own default is English.
 */
export function newRunName(spec: ModelSpec, datasetName: string, now: Date): string {
  const model =
    spec.kind === 'mlp'
      ? `MLP ${spec.hidden.map((l) => l.units).join('-') || translate('runs.describe.linearShort')}`
      : 'CNN'
  const name = translate('runs.newName', { model, dataset: datasetName, time: formatTime(now) })
  return name.length <= maxRunName ? name : `${name.slice(0, maxRunName - 1)}…`
}

export function modelLabel(spec: ModelSpec): string {
  if (spec.kind === 'cnn') {
    const named = { filters: spec.filters.join('-'), dense: spec.dense }
    return spec.dropout > 0
      ? translate('runs.describe.cnnDropout', { ...named, dropout: formatNumber(spec.dropout) })
      : translate('runs.describe.cnn', named)
  }
  if (spec.hidden.length === 0) return translate('runs.describe.linear')
  const dropout = spec.hidden.some((l) => l.dropout > 0)
  return translate(dropout ? 'runs.describe.mlpDropout' : 'runs.describe.mlp', {
    units: spec.hidden.map((l) => l.units).join('-'),
    activation: spec.hidden[0].activation
  })
}

/** Learning rates and penalties as typed: 0.001 stays 0.001 (0,001), never rounded away. */
function small(value: number): string {
  return formatNumber(value, 8)
}

export function hyperparameters(config: TrainConfig): string {
  const parts = [
    config.optimizer === 'sgd' && config.momentum > 0
      ? translate('runs.describe.sgdMomentum', { momentum: small(config.momentum) })
      : config.optimizer === 'rmsprop'
        ? 'RMSprop'
        : config.optimizer === 'adam'
          ? 'Adam'
          : 'SGD',
    translate('runs.describe.learningRate', { value: small(config.learningRate) }),
    translate('runs.describe.batch', { value: config.batchSize }),
    translate('runs.describe.epochs', { count: config.epochs }, config.epochs)
  ]
  if (config.l2 > 0) parts.push(translate('runs.describe.l2', { value: small(config.l2) }))
  return parts.join(', ')
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–'
  if (seconds < 60) return `${formatFixed(seconds, seconds < 10 ? 1 : 0)} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

export function formatAccuracy(value: number | null): string {
  return formatPercent(value, 2)
}

export function epochProgress(run: RunRecord): string {
  return translate('runs.table.epochs', { done: run.epochs.length, total: run.config.epochs })
}
