/**
 * Host side of training. The host owns run.json: it creates the record, asks
 * the engine to train, and folds the engine's events into the record. Only one
 * run trains at a time.
 */
import { LabError, type AnyLabEvent, type RunRecord } from '../../../shared/contract'
import { parameterCount } from '../../../shared/model-summary'
import { validationCount } from '../engine/data/validation-split'
import type { HostContext, HostHandlers } from '../context'

const terminal = new Set(['completed', 'stopped', 'diverged', 'failed', 'interrupted'])

/** Which run trains, per engine: the engine is what is busy. */
const activeRuns = new WeakMap<object, string>()
/**
 * Engines a start is being prepared for. A start awaits the engine and the disk
 * before the run is active; without this claim a second start could slip into
 * that gap, and its failure would then release the first run's claim.
 */
const starting = new WeakSet<object>()

/** The run the engine is training now, if any (for RunStore.markInterrupted and the UI). */
export function activeTrainingRun(ctx: HostContext): string | null {
  return activeRuns.get(ctx.engine) ?? null
}

/** Claims the engine for one start; the caller releases the claim once the run is active or failed. */
function claim(ctx: HostContext): () => void {
  const current = activeRuns.get(ctx.engine)
  if (current) {
    throw new LabError(
      'busy',
      `Run ${current} is training; pause or stop it before starting another.`
    )
  }
  if (starting.has(ctx.engine)) {
    throw new LabError('busy', 'Another run is starting; wait for it before starting another.')
  }
  starting.add(ctx.engine)
  return () => starting.delete(ctx.engine)
}

async function startOnEngine(ctx: HostContext, record: RunRecord, resume: boolean): Promise<void> {
  activeRuns.set(ctx.engine, record.id)
  try {
    // tfjs keeps one backend for the life of a process: a run that asks for
    // another one gets a fresh engine with that backend.
    if (ctx.engine.backendChoice !== record.config.backend) {
      await ctx.engine.restart(record.config.backend)
    }
    await ctx.engine.request('train.start', { runId: record.id, resume })
  } catch (error) {
    if (activeRuns.get(ctx.engine) === record.id) activeRuns.delete(ctx.engine)
    const message = error instanceof Error ? error.message : String(error)
    await ctx.runs.update(record.id, (r) => {
      r.status = 'failed'
      r.message = message
    })
    ctx.emit('runs.changed', { runId: record.id })
    throw error
  }
  ctx.emit('runs.changed', { runId: record.id })
}

/** Runs `start` holding the engine's start claim, so two starts never overlap. */
async function withStartClaim<T>(ctx: HostContext, start: () => Promise<T>): Promise<T> {
  const release = claim(ctx)
  try {
    return await start()
  } finally {
    release()
  }
}

export const trainingHandlers: HostHandlers<
  'train.start' | 'train.pause' | 'train.resume' | 'train.stop' | 'runs.resume'
> = {
  'train.start': ({ config, name }, ctx) =>
    withStartClaim(ctx, async () => {
      // The engine knows the datasets on disk; this also fails early for a missing one.
      const facts = await ctx.engine.request('explore.facts', { datasetId: config.datasetId })
      const validation = validationCount(facts.counts.train, config.validationFraction ?? 0)
      const left = facts.counts.train - validation
      const train = Math.min(config.trainLimit ?? left, left)
      const record = await ctx.runs.create({
        ...(name ? { name } : {}),
        config,
        datasetName: facts.name,
        split: { train, test: facts.counts.test, ...(validation > 0 ? { validation } : {}) },
        parameterCount: parameterCount(config.model, facts.inputSize, facts.classNames.length)
      })
      await startOnEngine(ctx, record, false)
      return { runId: record.id }
    }),
  'train.pause': (params, ctx) => ctx.engine.request('train.pause', params),
  'train.resume': (params, ctx) => ctx.engine.request('train.resume', params),
  'train.stop': (params, ctx) => ctx.engine.request('train.stop', params),
  'runs.resume': ({ runId }, ctx) =>
    withStartClaim(ctx, async () => {
      const record = await ctx.runs.get(runId)
      if (record.status === 'running' || record.status === 'paused') {
        throw new LabError('busy', `Run ${record.name} is already training.`)
      }
      if (record.status === 'completed' || record.checkpointEpoch === record.config.epochs) {
        throw new LabError('invalid_request', `Run ${record.name} has finished all its epochs.`)
      }
      const resume = record.checkpointEpoch !== null
      const updated = await ctx.runs.update(runId, (r) => {
        r.status = 'running'
        delete r.message
        // Epochs after the checkpoint are trained again.
        r.epochs = r.epochs.filter((e) => resume && e.epoch <= (r.checkpointEpoch ?? 0))
        if (!resume) r.firstLoss = null
        // The kept weights and their test figures come again at the new end.
        r.testAccuracy = null
        r.testLoss = null
        r.stoppedEpoch = null
      })
      await startOnEngine(ctx, updated, resume)
      return { runId }
    })
}

/**
 * Folds the engine's training events into run.json. LabHost subscribes it once,
 * so the record follows training whether or not a window is listening.
 */
export function trainingRecorder(ctx: HostContext): (event: AnyLabEvent) => Promise<void> {
  return async (event) => {
    const done = recordEvent(ctx, event)
    if (!done) return
    try {
      ctx.emit('runs.changed', { runId: await done })
    } catch (error) {
      console.error('[training] could not update run.json:', error)
    }
  }
}

function recordEvent(ctx: HostContext, event: AnyLabEvent): Promise<string> | null {
  switch (event.name) {
    case 'train.batch': {
      const { runId, step, loss } = event.payload
      if (step !== 1) return null
      return ctx.runs
        .update(runId, (r) => {
          if (r.firstLoss === null) r.firstLoss = loss
        })
        .then(() => runId)
    }
    case 'train.epoch': {
      const { runId, ...metrics } = event.payload
      return ctx.runs
        .update(runId, (r) => {
          r.epochs = [...r.epochs.filter((e) => e.epoch < metrics.epoch), metrics]
          r.durationSeconds = r.epochs.reduce((sum, e) => sum + e.seconds, 0)
          // The engine writes the checkpoint before it reports the epoch.
          r.checkpointEpoch = metrics.epoch
        })
        .then(() => runId)
    }
    case 'train.result': {
      const { runId, ...result } = event.payload
      return ctx.runs.update(runId, (r) => Object.assign(r, result)).then(() => runId)
    }
    case 'train.status': {
      const { runId, status, message, backend } = event.payload
      if (terminal.has(status) && activeRuns.get(ctx.engine) === runId) {
        activeRuns.delete(ctx.engine)
      }
      return ctx.runs
        .update(runId, (r) => {
          r.status = status
          if (message) r.message = message
          else delete r.message
          if (backend) r.backend = backend
        })
        .then(() => runId)
    }
    default:
      return null
  }
}

/**
 * The engine died: its run is cut off. LabHost calls this from EngineClient's
 * onCrash hook; the run shows as interrupted and can resume from its checkpoint.
 */
export async function trainingEngineLost(ctx: HostContext): Promise<void> {
  const runId = activeRuns.get(ctx.engine)
  if (!runId) return
  activeRuns.delete(ctx.engine)
  await ctx.runs.markInterrupted(new Set())
  const record = await ctx.runs.get(runId)
  ctx.emit('train.status', {
    runId,
    status: 'interrupted',
    message: `The engine stopped unexpectedly. ${record.message ?? ''}`.trim()
  })
  ctx.emit('runs.changed', { runId })
}

/** Refuses work that would pull the engine or the run away from under a training run. */
export function refuseWhileTraining(ctx: HostContext, what: string, runId?: string): void {
  const active = activeRuns.get(ctx.engine)
  if (active && (runId === undefined || runId === active)) {
    throw new LabError('busy', `Run ${active} is training; stop it before you ${what}.`)
  }
  if (runId === undefined && starting.has(ctx.engine)) {
    throw new LabError('busy', `A run is starting; wait for it, then stop it before you ${what}.`)
  }
}
