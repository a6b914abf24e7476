import type { CliCommand } from '../context'
import { listOption, requiredPositional, stringOption, UsageError } from '../options'

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Imports a folder of the four IDX files (raw or .gz) as a new dataset.',
  usage: 'lab import <dir> --name <name> [--classes a,b,...] [--json] [--home DIR]',
  options: { name: { type: 'string' }, classes: { type: 'string' } },
  async run(ctx, values, positionals) {
    const dir = requiredPositional(positionals, 0, 'the folder that holds the four IDX files')
    const name = stringOption(values, 'name')
    if (name === undefined) throw new UsageError('Give the new dataset a name: --name <name>.')
    const classNames = listOption(values, 'classes')
    ctx.note(`Reading and checking the IDX files in ${dir}…`)
    const summary = await ctx.request('datasets.import', {
      dir,
      name,
      ...(classNames ? { classNames } : {})
    })
    ctx.print(
      summary,
      `Imported "${summary.name}" as ${summary.id}: ${summary.counts.train} train, ${summary.counts.test} test images, ` +
        `classes ${summary.classNames.join(', ')}.`
    )
  }
}
