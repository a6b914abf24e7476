/** How a run is described in one line of the runs table and the report. */
import type { ModelSpec, RunRecord, TrainConfig } from '../../../../shared/contract'

export function modelLabel(spec: ModelSpec): string {
  if (spec.kind === 'cnn') {
    return `CNN ${spec.filters.join('-')} filters, dense ${spec.dense}${spec.dropout > 0 ? `, dropout ${spec.dropout}` : ''}`
  }
  if (spec.hidden.length === 0) return 'Linear (no hidden layer)'
  const dropout = spec.hidden.some((l) => l.dropout > 0) ? ', dropout' : ''
  return `MLP ${spec.hidden.map((l) => l.units).join('-')} ${spec.hidden[0].activation}${dropout}`
}

export function hyperparameters(config: TrainConfig): string {
  const parts = [
    config.optimizer === 'sgd' && config.momentum > 0
      ? `SGD (momentum ${config.momentum})`
      : config.optimizer === 'rmsprop'
        ? 'RMSprop'
        : config.optimizer === 'adam'
          ? 'Adam'
          : 'SGD',
    `lr ${config.learningRate}`,
    `batch ${config.batchSize}`,
    `${config.epochs} epoch${config.epochs === 1 ? '' : 's'}`
  ]
  if (config.l2 > 0) parts.push(`L2 ${config.l2}`)
  return parts.join(', ')
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–'
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

export function formatAccuracy(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '–' : `${(value * 100).toFixed(2)}%`
}

export function epochProgress(run: RunRecord): string {
  return `${run.epochs.length}/${run.config.epochs}`
}
