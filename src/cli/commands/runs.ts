import type { RunRecord } from '../../shared/contract'
import type { CliCommand } from '../context'

function line(run: RunRecord): string {
  const accuracy =
    run.testAccuracy === null ? '     –' : `${(run.testAccuracy * 100).toFixed(2)}%`.padStart(6)
  return `${run.id}  ${run.status.padEnd(11)}  ${accuracy}  ${run.datasetId}  ${run.name}`
}

export const runsCommand: CliCommand = {
  name: 'runs',
  summary:
    'Every training run, newest first: id, status, test accuracy (on the kept weights), dataset and name.',
  usage: 'lab runs [--json] [--home DIR]',
  options: {},
  async run(ctx) {
    const runs = await ctx.request('runs.list', {})
    const human =
      runs.length === 0
        ? 'No runs yet. Start one with `lab train`.'
        : ['id                      status       best    dataset  name', ...runs.map(line)].join(
            '\n'
          )
    ctx.print(runs, human)
  }
}
