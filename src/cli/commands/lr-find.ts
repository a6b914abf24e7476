import { lrFinderLimits } from '../../shared/contract'
import type { CliCommand } from '../context'
import { numberOption } from '../options'
import { configFromOptions, trainOptions } from '../train-options'

/** The model and training options `lab train` takes, minus its epochs (a sweep has none). */
const { epochs: _epochs, ...modelOptions } = trainOptions

export const lrFindCommand: CliCommand = {
  name: 'lr-find',
  summary:
    'Sweep the learning rate up exponentially on training batches and suggest one (Smith 2015).',
  usage:
    'lab lr-find --dataset <id> [model and optimizer options as for train]' +
    ` [--start X (${lrFinderLimits.startRate})] [--end X (${lrFinderLimits.endRate})]` +
    ` [--steps N (${lrFinderLimits.minSteps}-${lrFinderLimits.maxSteps}, ${lrFinderLimits.steps})] [--json]`,
  options: {
    ...modelOptions,
    start: { type: 'string' },
    end: { type: 'string' },
    steps: { type: 'string' }
  },
  async run(ctx, values) {
    const config = configFromOptions(values)
    const params = {
      config,
      startRate: numberOption(values, 'start', lrFinderLimits.startRate),
      endRate: numberOption(values, 'end', lrFinderLimits.endRate),
      steps: numberOption(values, 'steps', lrFinderLimits.steps)
    }
    ctx.note(
      `Sweeping the learning rate from ${params.startRate} to ${params.endRate} over at most ${params.steps} batches of ${config.batchSize} on ${config.datasetId}…`
    )
    const result = await ctx.request('lr.find', params)
    for (const p of result.points) {
      ctx.print(
        p,
        `${String(p.step).padStart(4)}  lr ${p.rate.toExponential(2)}  loss ${p.loss.toFixed(4)}  smoothed ${p.smoothedLoss.toFixed(4)}`
      )
    }
    const { suggestion, steepestRate, minLossRate, reason } = result
    ctx.print(
      { suggestion, steepestRate, minLossRate, reason },
      `Suggested learning rate: ${suggestion.toPrecision(2)}. ${reason}`
    )
  }
}
