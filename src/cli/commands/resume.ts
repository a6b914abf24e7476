import type { CliCommand } from '../context'
import { requiredPositional } from '../options'
import { trainToEnd } from './train'

export const resumeCommand: CliCommand = {
  name: 'resume',
  summary:
    'Continue a stopped or interrupted run from its last checkpoint; prints the lines `lab train` prints.',
  usage: 'lab resume <runId> [--json] [--home DIR]',
  options: {},
  async run(ctx, _values, positionals) {
    const runId = requiredPositional(positionals, 0, 'the run to resume (see `lab runs`)')
    const record = await ctx.request('runs.get', { runId })
    const from = record.checkpointEpoch ?? 0
    ctx.note(
      `Resuming ${record.name} after epoch ${from} of ${record.config.epochs}. Ctrl+C stops cleanly.`
    )
    await trainToEnd(
      ctx,
      record.config.epochs,
      async () => (await ctx.request('runs.resume', { runId })).runId
    )
  }
}
