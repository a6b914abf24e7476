import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import {
  defaultSearchSpace,
  LabError,
  searchIdSchema,
  searchLimits,
  searchSpaceProblems,
  type AnyLabEvent,
  type SearchRecord,
  type SearchSpace,
  type TrialRecord
} from '../../shared/contract'
import type { CliCommand, CliContext } from '../context'
import { percent } from '../format'
import { numberOption, stringOption, UsageError, type OptionValues } from '../options'
import { configFromOptions, trainOptions } from '../train-options'

/** A whole number option within [min, max], or a usage error naming it. */
function countOption(values: OptionValues, name: string, fallback: number, max: number): number {
  const value = numberOption(values, name, fallback)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not ${value}.`)
  }
  return value
}

async function spaceFrom(values: OptionValues): Promise<SearchSpace> {
  const file = stringOption(values, 'space')
  if (!file) return defaultSearchSpace
  let input: unknown
  try {
    input = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new UsageError(
      `--space ${file} is not a readable JSON file (${error instanceof Error ? error.message : String(error)}).`
    )
  }
  const problems = searchSpaceProblems(input)
  if (problems.length > 0) {
    throw new UsageError(`The search space in ${file} cannot be searched: ${problems.join('; ')}.`)
  }
  return input as SearchSpace
}

function trialLine(searchId: string, t: TrialRecord): Record<string, unknown> {
  return {
    searchId,
    trial: t.trial,
    runId: t.runId,
    config: t.config,
    validationAccuracy: t.validationAccuracy,
    epochs: t.epochs,
    stoppedAtRung: t.stoppedAtRung,
    seconds: t.seconds,
    status: t.status
  }
}

/** Prints each trial as it ends and resolves with the finished search. */
async function follow(ctx: CliContext, start: () => Promise<string>): Promise<SearchRecord> {
  let searchId: string | null = null
  const early: AnyLabEvent[] = []
  let settle: () => void = () => undefined
  const ended = new Promise<void>((resolve) => (settle = resolve))
  const handle = (event: AnyLabEvent): void => {
    if (event.name !== 'search.trial' && event.name !== 'search.status') return
    if (searchId === null) {
      early.push(event)
      return
    }
    if (event.payload.searchId !== searchId) return
    if (event.name === 'search.trial') {
      const t = event.payload.trial
      ctx.print(
        trialLine(searchId, t),
        `trial ${t.trial + 1}: ${t.status}${t.stoppedAtRung ? ` at the rung after epoch ${t.stoppedAtRung}` : ''}, ` +
          `validation accuracy ${percent(t.validationAccuracy)} after ${t.epochs} epochs (lr ${t.config.learningRate}, batch ${t.config.batchSize})`
      )
    } else if (event.payload.status !== 'running') {
      settle()
    }
  }
  const off = ctx.host.onEvent(handle)
  try {
    searchId = await start()
    ctx.print(
      { searchId },
      `Search ${searchId}: its state is kept, so \`lab tune --resume ${searchId}\` continues it.`
    )
    for (const event of early.splice(0)) handle(event)
    await ended
    return await ctx.request('search.get', { searchId })
  } finally {
    off()
  }
}

export const tuneCommand: CliCommand = {
  name: 'tune',
  summary:
    'Random hyperparameter search with successive halving, trials in parallel engine processes, judged on a validation split.',
  usage:
    'lab tune --dataset <id> [--trials N] [--epochs E] [--parallel P] [--space space.json] [--seed S]' +
    ' [base options as for train] [--json]  |  lab tune --resume SEARCH_ID [--json]',
  options: {
    ...trainOptions,
    trials: { type: 'string' },
    parallel: { type: 'string' },
    space: { type: 'string' },
    resume: { type: 'string' }
  },
  async run(ctx, values) {
    const resume = stringOption(values, 'resume')
    let record: SearchRecord
    if (resume !== undefined) {
      const id = searchIdSchema.safeParse(resume)
      if (!id.success)
        throw new UsageError(
          `--resume takes a search id like s-20260101-120000-abc123, not "${resume}".`
        )
      ctx.note(`Resuming search ${resume}…`)
      record = await follow(
        ctx,
        async () => (await ctx.request('search.resume', { searchId: id.data })).searchId
      )
    } else {
      const trials = countOption(values, 'trials', 8, searchLimits.maxTrials)
      const epochs = countOption(values, 'epochs', 2, searchLimits.maxEpochs)
      const parallel = countOption(
        values,
        'parallel',
        availableParallelism(),
        searchLimits.maxParallel
      )
      const space = await spaceFrom(values)
      const base = configFromOptions(values)
      ctx.note(
        `Searching ${trials} configurations of ${epochs} epochs on ${base.datasetId}, ${parallel} at a time…`
      )
      record = await follow(
        ctx,
        async () =>
          (
            await ctx.request('search.start', {
              base,
              space,
              trials,
              epochs,
              parallel,
              seed: base.seed
            })
          ).searchId
      )
    }
    if (record.status !== 'completed' || !record.best) {
      throw new LabError(
        'training_failed',
        `Search ${record.id} ended ${record.status}: ${record.message ?? ''}`.trim()
      )
    }
    const { best } = record
    ctx.print(
      {
        searchId: record.id,
        best: {
          runId: best.runId,
          config: best.config,
          validationAccuracy: best.validationAccuracy
        },
        testAccuracy: record.bestTestAccuracy,
        wallSeconds: record.wallSeconds
      },
      `Best: trial ${best.trial + 1} (run ${best.runId}), validation accuracy ${percent(best.validationAccuracy)}, ` +
        `test accuracy ${percent(record.bestTestAccuracy)}; ${record.wallSeconds.toFixed(1)} s in all.`
    )
  }
}
