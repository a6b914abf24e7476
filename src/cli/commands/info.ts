import type { CliCommand } from '../context'

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
