/**
 * The one parser for model and training options, shared by every command that
 * trains (train, resume's siblings, overfit-batch, learning-curve, lr-find, ...).
 * A command spreads `trainOptions` into its own options and calls
 * `configFromOptions`; anything wrong is a UsageError (exit 2). The contract's
 * schema holds the limits: this file only says which option broke one.
 */
import {
  backendChoiceSchema,
  maxWorkers,
  optimizerSchema,
  trainConfigSchema,
  type DenseLayerSpec,
  type ModelSpec,
  type TrainConfig
} from '../shared/contract'
import { defaultCnnSpec, defaultModelSpec } from '../shared/model-summary'
import { seedTrainConfig } from '../shared/train-defaults'
import { listOption, numberOption, stringOption, UsageError, type OptionValues } from './options'
import { scheduleCliOptions, scheduleFromOptions, scheduleUsage } from './schedule-options'
import { regularizeFromOptions, regularizeOptionSpecs, regularizeUsage } from './regularize-options'

/** node:util parseArgs definitions; --backend is global (see cli/index.ts) and read here too. */
export const trainOptions = {
  dataset: { type: 'string', short: 'd' },
  model: { type: 'string' },
  hidden: { type: 'string' },
  filters: { type: 'string' },
  dense: { type: 'string' },
  dropout: { type: 'string' },
  epochs: { type: 'string', short: 'e' },
  'batch-size': { type: 'string' },
  lr: { type: 'string' },
  optimizer: { type: 'string' },
  momentum: { type: 'string' },
  l2: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  'train-fraction': { type: 'string' },
  ...scheduleCliOptions,
  ...regularizeOptionSpecs
} as const satisfies Record<string, { type: 'string'; short?: string }>

export const trainOptionsUsage =
  '--dataset <id> [--model mlp|cnn] [--hidden 64,64,64] [--filters 16,32] [--dense 64]' +
  ' [--dropout X|X,Y,...] [--epochs N] [--batch-size N] [--lr X] [--optimizer adam|sgd|rmsprop]' +
  ' [--momentum X] [--l2 X] [--seed N] [--backend B] [--workers N] [--train-fraction X]' +
  ` ${scheduleUsage}` +
  ` ${regularizeUsage}`

/** The option a TrainConfig field comes from, to name it when the schema refuses a value. */
const optionOfField: Record<string, string> = {
  datasetId: '--dataset',
  learningRate: '--lr',
  momentum: '--momentum',
  batchSize: '--batch-size',
  epochs: '--epochs',
  seed: '--seed',
  l2: '--l2',
  trainFraction: '--train-fraction',
  workers: '--workers',
  backend: '--backend',
  optimizer: '--optimizer',
  validationFraction: '--validation',
  augmentation: '--augment',
  earlyStopping: '--early-stopping'
}

/** The option a model field comes from: model.hidden.0.units is --hidden, and so on. */
function optionOfModelPath(path: PropertyKey[]): string {
  const last = path[path.length - 1]
  if (path.includes('hidden')) return last === 'dropout' ? '--dropout' : '--hidden'
  if (path.includes('filters')) return '--filters'
  return last === 'dropout' ? '--dropout' : '--dense'
}

function wholeNumbers(values: OptionValues, name: string, example: string): number[] | undefined {
  return listOption(values, name)?.map((part) => {
    const n = Number(part)
    if (!Number.isInteger(n)) {
      throw new UsageError(`--${name} takes whole numbers like ${example}, not "${part}".`)
    }
    return n
  })
}

function dropouts(values: OptionValues): number[] | undefined {
  return listOption(values, 'dropout')?.map((part) => {
    const p = Number(part)
    if (!Number.isFinite(p)) {
      throw new UsageError(`--dropout takes rates like 0.2 or 0.2,0.1, not "${part}".`)
    }
    return p
  })
}

function mlpSpec(values: OptionValues): ModelSpec {
  if (values.filters !== undefined || values.dense !== undefined) {
    throw new UsageError('--filters and --dense describe a CNN: add --model cnn, or use --hidden.')
  }
  const base = defaultModelSpec.kind === 'mlp' ? defaultModelSpec.hidden : []
  const units = wholeNumbers(values, 'hidden', '64,64,64') ?? base.map((layer) => layer.units)
  const rates = dropouts(values) ?? [0]
  if (rates.length !== 1 && rates.length !== units.length) {
    throw new UsageError(
      `--dropout takes one rate for every hidden layer, or one per layer (${units.length} here), not ${rates.length}.`
    )
  }
  const hidden: DenseLayerSpec[] = units.map((n, i) => ({
    units: n,
    activation: 'relu',
    dropout: rates.length === 1 ? rates[0]! : rates[i]!
  }))
  return { kind: 'mlp', hidden }
}

function cnnSpec(values: OptionValues): ModelSpec {
  if (values.hidden !== undefined) {
    throw new UsageError('--hidden describes an MLP: drop it, or use --filters and --dense.')
  }
  const preset = defaultCnnSpec.kind === 'cnn' ? defaultCnnSpec : null
  const filters = wholeNumbers(values, 'filters', '16,32') ?? preset?.filters ?? [16, 32]
  if (filters.length !== 2) {
    throw new UsageError(`--filters takes two numbers, one per convolution, like 16,32.`)
  }
  const rates = dropouts(values) ?? [preset?.dropout ?? 0]
  if (rates.length !== 1) {
    throw new UsageError('A CNN has one dropout rate (before its output layer): --dropout 0.3.')
  }
  return {
    kind: 'cnn',
    filters: [filters[0]!, filters[1]!],
    dense: numberOption(values, 'dense', preset?.dense ?? 64),
    dropout: rates[0]!
  }
}

/** --workers N: whole, 1 to 64; absent means one per core. */
function workersOption(values: OptionValues): number | null {
  const raw = stringOption(values, 'workers')
  if (raw === undefined) return null
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > maxWorkers) {
    throw new UsageError(`--workers takes a whole number from 1 to ${maxWorkers}, not "${raw}".`)
  }
  return n
}

/** The seed's defaults (as the Train tab has them), changed by the options given. */
export function configFromOptions(values: OptionValues): TrainConfig {
  const datasetId = stringOption(values, 'dataset')
  if (datasetId === undefined) {
    throw new UsageError('Say which dataset to train on: --dataset <id> (see `lab datasets`).')
  }
  const optimizer = optimizerSchema.safeParse(values.optimizer ?? 'adam')
  if (!optimizer.success) {
    throw new UsageError(`--optimizer must be one of ${optimizerSchema.options.join(', ')}.`)
  }
  const backend = backendChoiceSchema.safeParse(values.backend ?? 'auto')
  if (!backend.success) {
    throw new UsageError(`--backend must be one of ${backendChoiceSchema.options.join(', ')}.`)
  }
  const kind = values.model ?? 'mlp'
  if (kind !== 'mlp' && kind !== 'cnn') {
    throw new UsageError(`--model must be mlp or cnn, not "${String(kind)}".`)
  }
  const seed = seedTrainConfig()
  // Constant is what a config without a schedule means: it stays out, as in the seed's.
  const schedule = scheduleFromOptions(values)
  const candidate: TrainConfig = {
    ...(schedule.kind === 'constant' ? {} : { schedule }),
    ...seed,
    datasetId,
    model: kind === 'cnn' ? cnnSpec(values) : mlpSpec(values),
    optimizer: optimizer.data,
    learningRate: numberOption(values, 'lr', seed.learningRate),
    momentum: numberOption(values, 'momentum', optimizer.data === 'sgd' ? 0.9 : 0),
    batchSize: numberOption(values, 'batch-size', seed.batchSize),
    epochs: numberOption(values, 'epochs', seed.epochs),
    seed: numberOption(values, 'seed', seed.seed),
    l2: numberOption(values, 'l2', seed.l2),
    trainFraction: numberOption(values, 'train-fraction', seed.trainFraction),
    backend: backend.data,
    workers: workersOption(values),
    ...regularizeFromOptions(values)
  }
  const checked = trainConfigSchema.safeParse(candidate)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    const [field] = issue.path
    const option =
      field === 'model'
        ? optionOfModelPath(issue.path)
        : (optionOfField[String(field)] ?? String(field))
    throw new UsageError(`${option}: ${issue.message}.`)
  }
  return checked.data
}
