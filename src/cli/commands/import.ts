import { LabError } from '../../shared/contract'
import type { CliCommand } from '../context'

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Imports a folder of the four IDX files (raw or .gz) as a new dataset.',
  usage: 'lab import <dir> --name <name> [--classes a,b,...] [--json] [--home DIR]',
  options: { name: { type: 'string' }, classes: { type: 'string' } },
  async run(ctx, values, positionals) {
    const [dir] = positionals
    const name = typeof values.name === 'string' ? values.name : undefined
    if (!dir || !name)
      throw new LabError(
        'invalid_request',
        `give a folder and a name. Usage: ${importCommand.usage}`
      )
    const classNames =
      typeof values.classes === 'string'
        ? values.classes
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c !== '')
        : undefined
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
