import type { CliCommand } from '../context'
import { requiredPositional } from '../options'

/** Progress lines at most this often: a terminal does not need sixty a second. */
const noteEveryMs = 1000

export const downloadCommand: CliCommand = {
  name: 'download',
  summary:
    'Downloads a dataset of the catalog (mnist, fashion-mnist) into the cache, checksum-verified.',
  usage: 'lab download <id> [--json] [--home DIR]',
  options: {},
  async run(ctx, _values, positionals) {
    const id = requiredPositional(positionals, 0, 'the dataset to download (see `lab datasets`)')
    let last = 0
    const stop = ctx.host.onEvent((message) => {
      if (message.name !== 'dataset.downloadProgress') return
      const event = message.payload
      const now = Date.now()
      if (event.id !== id || (now - last < noteEveryMs && event.percent < 100)) return
      last = now
      const mb = (n: number): string => (n / 1e6).toFixed(1)
      ctx.note(
        `${event.percent.toFixed(0).padStart(3)}%  ${mb(event.receivedBytes)} of ${mb(event.totalBytes)} MB  ` +
          `${mb(event.bytesPerSecond)} MB/s  ${event.file}`
      )
    })
    // Ctrl-C cancels cleanly, so no partial file is left behind in the cache.
    const cancel = (): void => {
      void ctx.request('datasets.cancelDownload', { id })
    }
    process.once('SIGINT', cancel)
    try {
      const summary = await ctx.request('datasets.download', { id })
      ctx.print(
        summary,
        `${summary.name} is ready: ${summary.counts.train} train, ${summary.counts.test} test images.`
      )
    } finally {
      process.off('SIGINT', cancel)
      stop()
    }
  }
}
