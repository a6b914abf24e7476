/**
 * Recipe step 4 from the command line: `lab check-init`, `lab baselines` and
 * `lab overfit-batch`. The model options are the train command's.
 */
import {
  LabError,
  overfitBatchSizeSchema,
  overfitPassLoss,
  overfitStepsSchema,
  type AnyLabEvent
} from '../../shared/contract'
import type { CliCommand, CliContext } from '../context'
import { numberOption, UsageError, type OptionValues } from '../options'
import { configFromOptions, trainOptions } from '../train-options'

/** The model options of the shared parser (train-options.ts); the rest of a run's do not apply. */
const modelOptions = {
  dataset: trainOptions.dataset,
  model: trainOptions.model,
  hidden: trainOptions.hidden,
  filters: trainOptions.filters,
  dense: trainOptions.dense,
  dropout: trainOptions.dropout,
  seed: trainOptions.seed
}
const modelUsage =
  '--dataset <id> [--model mlp|cnn] [--hidden 64,64,64] [--filters 16,32] [--dense 64] [--seed N] [--json]'

function modelOf(values: OptionValues) {
  const { datasetId, model, scaling, seed, learningRate } = configFromOptions(values)
  return { datasetId, model, scaling, seed, learningRate }
}

export const checkInitCommand: CliCommand = {
  name: 'check-init',
  summary: "An untrained model's mean loss on 1,000 fixed training images beside ln(classes).",
  usage: `lab check-init ${modelUsage}`,
  options: modelOptions,
  async run(ctx, values) {
    const { datasetId, model, scaling, seed } = modelOf(values)
    const check = await ctx.request('overfit.checkInit', { datasetId, model, scaling, seed })
    ctx.print(
      { initialLoss: check.initialLoss, expected: check.expected, ok: check.ok },
      `Loss at init ${check.initialLoss.toFixed(4)} on ${check.images} images; ln(classes) = ${check.expected.toFixed(4)}; ` +
        `logit spread ${check.logitSpread.toFixed(3)}. ${check.ok ? 'As expected.' : 'Far off: look at the output layer, the input scaling and the labels.'}`
    )
  }
}

export const baselinesCommand: CliCommand = {
  name: 'baselines',
  summary:
    'Majority class, an input-independent model and a linear softmax model on the test split.',
  usage: 'lab baselines --dataset <id> [--seed N] [--json]',
  options: { dataset: modelOptions.dataset, seed: modelOptions.seed },
  async run(ctx, values) {
    const { datasetId, model, scaling, seed } = modelOf(values)
    ctx.note('Training the input-independent and the linear baseline…')
    const results = await ctx.request('overfit.baselines', { datasetId, model, scaling, seed })
    for (const r of results) {
      ctx.print(
        r,
        `${r.baseline.padEnd(18)} test accuracy ${(r.testAccuracy * 100).toFixed(2)}%` +
          (r.testLoss === null ? '' : `  test loss ${r.testLoss.toFixed(4)}`)
      )
    }
  }
}

function checkedSetting(
  values: OptionValues,
  name: string,
  fallback: number,
  schema: typeof overfitStepsSchema
): number {
  const value = numberOption(values, name, fallback)
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const bounds = schema.minValue !== null ? `${schema.minValue} to ${schema.maxValue}` : ''
    throw new UsageError(`--${name} must be a whole number from ${bounds}, not ${value}.`)
  }
  return parsed.data
}

/** Step lines at most this often: the engine already throttles, the terminal needs fewer. */
const printIntervalMs = 500

function followSteps(ctx: CliContext): () => void {
  let last = -Infinity
  return ctx.host.onEvent((event: AnyLabEvent) => {
    if (event.name !== 'overfit.step') return
    const now = performance.now()
    if (now - last < printIntervalMs) return
    last = now
    const { step, loss } = event.payload
    ctx.print({ step, loss }, `step ${step}  loss ${loss.toExponential(3)}`)
  })
}

export const overfitBatchCommand: CliCommand = {
  name: 'overfit-batch',
  summary: `Train on one fixed batch (no shuffling, dropout or L2) until its loss is below ${overfitPassLoss}.`,
  usage: `lab overfit-batch ${modelUsage.replace(' [--json]', '')} [--batch-size 32] [--steps 500] [--lr X] [--json]`,
  options: {
    ...modelOptions,
    lr: trainOptions.lr,
    'batch-size': trainOptions['batch-size'],
    steps: { type: 'string' }
  },
  async run(ctx, values) {
    const { datasetId, model, scaling, seed, learningRate } = modelOf(values)
    const batchSize = checkedSetting(values, 'batch-size', 32, overfitBatchSizeSchema)
    const steps = checkedSetting(values, 'steps', 500, overfitStepsSchema)
    const facts = await ctx.request('explore.facts', { datasetId })
    if (batchSize > facts.counts.train) {
      throw new UsageError(
        `--batch-size ${batchSize} is larger than the training split of ${datasetId} (${facts.counts.train} images).`
      )
    }
    ctx.note(
      `Overfitting one batch of ${batchSize} for up to ${steps} steps, lr ${learningRate}. Dropout and L2 are off for this check.`
    )
    const stop = followSteps(ctx)
    let result
    try {
      result = await ctx.request('overfit.batch', {
        datasetId,
        model,
        scaling,
        seed,
        batchSize,
        steps,
        learningRate
      })
    } finally {
      stop()
    }
    if (!result)
      throw new LabError(
        'training_failed',
        'The one-batch overfit was stopped; nothing was recorded.'
      )
    ctx.print(
      { finalLoss: result.finalLoss, steps: result.steps, passed: result.passed },
      `Loss ${result.finalLoss.toExponential(3)} after ${result.steps} steps: ${result.passed ? 'passed' : `not below ${overfitPassLoss}. ${result.hint ?? ''}`}`
    )
    for (const warning of result.warnings) ctx.note(`Warning: ${warning}`)
  }
}
