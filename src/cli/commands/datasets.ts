import type { CliCommand } from '../context'

export const datasetsCommand: CliCommand = {
  name: 'datasets',
  summary: 'The datasets the lab knows: bundled, downloadable and imported, and which are on disk.',
  usage: 'lab datasets [--json] [--home DIR]',
  options: {},
  async run(ctx) {
    const list = await ctx.request('datasets.list', {})
    const width = Math.max(...list.map((d) => d.id.length))
    const lines = list.map((d) => {
      const size =
        d.state === 'ready'
          ? `${d.counts.train} train / ${d.counts.test} test`
          : `${d.state}${d.downloadBytes ? `, ${(d.downloadBytes / 1e6).toFixed(1)} MB` : ''}`
      return `${d.id.padEnd(width)}  ${d.kind.padEnd(8)}  ${d.name} (${size})`
    })
    ctx.print(list, lines.join('\n'))
  }
}
