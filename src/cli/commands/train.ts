import {
  LabError,
  type AnyLabEvent,
  type EpochEvent,
  type ModelSpec,
  type RunStatus
} from '../../shared/contract'
import { parameterCount } from '../../shared/model-summary'
import type { CliCommand, CliContext } from '../context'
import { configFromOptions, trainOptions, trainOptionsUsage } from '../train-options'
import { epochFigures, epochLine, finalFigures, type FinalFigures } from '../epoch-report'
import { classCount, imagePixels } from '../../shared/image'

const finished: ReadonlySet<RunStatus> = new Set([
  'completed',
  'stopped',
  'diverged',
  'failed',
  'interrupted'
])

/** "MLP 784-64-64-64-10" or "CNN conv 16, conv 32, dense 64", for the first line of a run. */
function modelName(model: ModelSpec): string {
  if (model.kind === 'cnn') {
    return `CNN conv ${model.filters[0]}, conv ${model.filters[1]}, dense ${model.dense}`
  }
  return `MLP ${[imagePixels, ...model.hidden.map((l) => l.units), classCount].join('-')}`
}

interface Ending {
  status: RunStatus
  message?: string
}

/**
 * Follows one run's events until it ends. Events can arrive before train.start
 * answers (the engine reports 'running' at once), so they wait for the run id.
 */
function follow(
  ctx: CliContext,
  total: number
): {
  attach(runId: string): void
  ended: Promise<Ending>
  epochs: EpochEvent[]
  result(): FinalFigures | null
  dispose(): void
} {
  let runId: string | null = null
  const early: AnyLabEvent[] = []
  const epochs: EpochEvent[] = []
  let result: FinalFigures | null = null
  let settle: (ending: Ending) => void = () => undefined
  const ended = new Promise<Ending>((resolve) => (settle = resolve))
  const live = process.stderr.isTTY && !ctx.json
  const clearLine = (): void => {
    if (live) process.stderr.write('\r\x1b[K')
  }

  const handle = (event: AnyLabEvent): void => {
    if (event.name === 'engine.status') {
      // The engine died: no status event for the run will come from it.
      if (event.payload.state === 'crashed' && runId) {
        clearLine()
        settle({ status: 'interrupted', message: event.payload.message })
      }
      return
    }
    if (!event.name.startsWith('train.')) return
    if (runId === null) {
      early.push(event)
      return
    }
    if (!('runId' in event.payload) || event.payload.runId !== runId) return
    if (event.name === 'train.batch' && live) {
      const b = event.payload
      process.stderr.write(
        `\r\x1b[Kepoch ${b.epoch}/${total}  batch ${b.batch}/${b.batchesPerEpoch}  loss ${b.loss.toFixed(4)}` +
          `  ${Math.round(b.samplesPerSecond)} samples/s  ETA ${Math.round(b.etaSeconds)} s`
      )
    } else if (event.name === 'train.epoch') {
      const e = event.payload
      epochs.push(e)
      clearLine()
      ctx.print({ runId, ...epochFigures(e) }, epochLine(e, total))
    } else if (event.name === 'train.result') {
      result = finalFigures(event.payload)
    } else if (event.name === 'train.status' && finished.has(event.payload.status)) {
      clearLine()
      settle({ status: event.payload.status, message: event.payload.message })
    }
  }
  const off = ctx.host.onEvent(handle)
  return {
    epochs,
    result: () => result,
    ended,
    attach(id) {
      runId = id
      for (const event of early.splice(0)) handle(event)
    },
    dispose: off
  }
}

/**
 * Starts a run with `start` (which answers its id), prints its epochs as they
 * come and a last line when it ends: the lines of `lab train` and `lab resume`.
 * Ctrl+C stops the run cleanly; a run that ends other than completed or stopped
 * throws, so the command exits 1.
 */
export async function trainToEnd(
  ctx: CliContext,
  epochs: number,
  start: () => Promise<string>
): Promise<void> {
  const run = follow(ctx, epochs)
  let runId: string | null = null
  let interrupts = 0
  // First Ctrl+C: stop the run and keep what it learned; a second one quits at once.
  const onInterrupt = (): void => {
    interrupts += 1
    if (interrupts > 1) process.exit(130)
    ctx.note('\nStopping after the current batch… (Ctrl+C again to quit at once)')
    if (runId) void ctx.request('train.stop', { runId }).catch(() => undefined)
  }
  process.on('SIGINT', onInterrupt)
  try {
    runId = await start()
    // The first line that knows the run: scripts can follow it from here.
    ctx.print({ runId, status: 'started' }, `Run ${runId} started.`)
    run.attach(runId)
    if (interrupts > 0) void ctx.request('train.stop', { runId }).catch(() => undefined)
    const ending = await run.ended
    const final = run.result()
    const testAccuracy = final?.testAccuracy ?? null
    const accuracy =
      testAccuracy === null
        ? 'no test figures'
        : `test accuracy ${(testAccuracy * 100).toFixed(2)}% on the kept weights` +
          (final?.bestEpoch ? ` (best epoch ${final.bestEpoch})` : '') +
          (final?.stoppedEpoch ? `, stopped early after epoch ${final.stoppedEpoch}` : '')
    ctx.print(
      {
        runId,
        status: ending.status,
        testAccuracy,
        bestEpoch: final?.bestEpoch ?? null,
        stoppedEpoch: final?.stoppedEpoch ?? null,
        ...(ending.message ? { message: ending.message } : {})
      },
      `Run ${runId} ${ending.status}: ${accuracy}.${ending.message ? ` ${ending.message}` : ''}`
    )
    // A run the person stopped ended as asked; the others did not, so exit 1.
    if (ending.status !== 'completed' && ending.status !== 'stopped') {
      throw new LabError(
        ending.status === 'interrupted' ? 'engine_crashed' : 'training_failed',
        `Run ${runId} ended ${ending.status}.`
      )
    }
  } finally {
    process.off('SIGINT', onInterrupt)
    run.dispose()
  }
}

export const trainCommand: CliCommand = {
  name: 'train',
  summary: 'Train a model (default: the seed MLP 784-64-64-64-10) and print metrics per epoch.',
  usage: `lab train ${trainOptionsUsage} [--json]`,
  options: trainOptions,
  async run(ctx, values) {
    const config = configFromOptions(values)
    ctx.note(
      `Training ${modelName(config.model)} (${parameterCount(config.model).toLocaleString('en')} parameters) on ` +
        `${config.datasetId}: ${config.optimizer}, lr ${config.learningRate}, batch ${config.batchSize}, ` +
        `${config.epochs} epochs. Ctrl+C stops cleanly.`
    )
    await trainToEnd(
      ctx,
      config.epochs,
      async () => (await ctx.request('train.start', { config })).runId
    )
  }
}
