import { join } from 'node:path'
import type { AutoPick } from '../../shared/contract'
import type { CliCommand } from '../context'

/** What backend "auto" picked for each model kind, from what it measured, and why not the others. */
function autoLines(picks: readonly AutoPick[], cacheFile: string): string[] {
  if (picks.length === 0) {
    return [
      'Auto: not measured on this machine yet; the first run with --backend auto times each backend.'
    ]
  }
  return picks.flatMap((pick) => [
    `Auto for ${pick.modelKind}: ${pick.backend} (measured ${pick.measuredAt}, cached in ${cacheFile}; delete it to measure again)`,
    ...pick.candidates.map((c) => `  ${c.chosen ? 'pick' : '    '} ${c.backend}: ${c.reason}`)
  ])
}

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Which backend the engine runs, why better ones did not load, and where data lives.',
  usage: 'lab info [--json] [--backend auto|webgpu|webgl|tensorflow-gpu|tensorflow|wasm|cpu]',
  options: {},
  async run(ctx) {
    const info = await ctx.request('system.info', {})
    const lines = [
      `MNIST Lab ${info.appVersion} (tfjs ${info.tfjsVersion}, Node ${info.nodeVersion})`,
      `Backend: ${info.backend} (asked for: ${info.backendChoice})`,
      ...(info.adapter
        ? [
            `GPU adapter: ${info.adapter.vendor} ${info.adapter.architecture}${info.adapter.software ? ' (software: emulated on the CPU, no real GPU)' : ''}`
          ]
        : []),
      ...info.attempts.map(
        (a) => `  ${a.loaded ? 'ok  ' : 'no  '} ${a.backend}${a.reason ? `: ${a.reason}` : ''}`
      ),
      ...autoLines(info.autoPicks, join(info.paths.home, 'backend-auto.json')),
      'Training step on this backend:',
      ...Object.entries(info.steps).map(
        ([kind, step]) =>
          `  ${kind}: ${step.path}, loss on the ${step.lossOn}, optimizer on the ${step.optimizerOn}`
      ),
      `Home: ${info.paths.home}`,
      `Datasets: ${info.paths.datasets}`,
      `Runs: ${info.paths.runs}`
    ]
    ctx.print(info, lines.join('\n'))
  }
}
