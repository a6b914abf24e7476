import { resolve } from 'node:path'
import { exportKindSchema, type ExportedFile } from '../../shared/contract'
import { writeFileAtomic } from '../../main/lab/fs-atomic'
import type { CliCommand } from '../context'
import { requiredPositional, stringOption, UsageError } from '../options'

function bytesOf(file: ExportedFile): string | Uint8Array {
  return file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary:
    'Writes a run out of the lab: PyTorch weights (safetensors), the tfjs model, or its metrics.',
  usage: `lab export <runId> --format ${exportKindSchema.options.join('|')} [--out PATH] [--json] [--home DIR]

  safetensors   the weights under PyTorch's names (fc1.weight, ...), for
                model.load_state_dict(safetensors.torch.load_file(PATH))
  model         model.json and its weight files: --out names a folder
  --out         where to write (default: the file's own name in this folder)`,
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, values, positionals) {
    const runId = requiredPositional(positionals, 0, 'the run to export (see `lab runs`)')
    const format = exportKindSchema.safeParse(stringOption(values, 'format'))
    if (!format.success) {
      throw new UsageError(
        `--format must be one of ${exportKindSchema.options.join(', ')}, not "${String(values.format ?? '')}".`
      )
    }
    const out = stringOption(values, 'out')
    const files = await ctx.request('runs.export', { runId, kind: format.data })
    // One file goes to --out itself; several (the tfjs model) into the --out folder.
    const targets = files.map((file) =>
      files.length === 1 && out !== undefined ? resolve(out) : resolve(out ?? '.', file.fileName)
    )
    for (const [i, file] of files.entries()) await writeFileAtomic(targets[i], bytesOf(file))
    ctx.print(
      { runId, format: format.data, files: targets },
      targets.map((path) => `Wrote ${path}`).join('\n')
    )
  }
}
