/**
 * Engine side of training: one run at a time. run.json (written by the host
 * before train.start) is read for the config; progress goes out as events.
 */
import { LabError, type RunStatus } from '../../../../shared/contract'
import type { EngineCoreContext, EngineHandlers } from '../context'
import { startSession, type TrainingSession } from '../train/session'

/** A function, not the field, so the check after an await is not narrowed away. */
function current(ctx: EngineCoreContext): TrainingSession | null {
  return ctx.training.session
}

function activeRun(ctx: EngineCoreContext, runId: string): TrainingSession {
  const session = current(ctx)
  if (!session || session.runId !== runId) {
    throw new LabError('not_found', `Run ${runId} is not training.`, {
      key: 'train.errors.notTraining',
      params: { run: runId }
    })
  }
  return session
}

function statusEvent(ctx: EngineCoreContext, runId: string, status: RunStatus): void {
  ctx.emit({ name: 'train.status', payload: { runId, status, backend: ctx.info.backend } })
}

export const trainingHandlers: EngineHandlers<
  'train.start' | 'train.pause' | 'train.resume' | 'train.stop',
  EngineCoreContext
> = {
  'train.start': async ({ runId, resume }, ctx) => {
    const running = current(ctx)
    if (running) {
      throw new LabError(
        'busy',
        `Run ${running.runId} is training; stop it before starting another.`,
        { key: 'train.errors.otherRunTraining', params: { run: running.runId } }
      )
    }
    const record = await ctx.services.record(runId)
    const dataset = await ctx.services.dataset(record.config.datasetId)
    // Checked again after the awaits: two starts may have raced past the first check.
    const racing = current(ctx)
    if (racing) {
      throw new LabError('busy', `Run ${racing.runId} is training.`, {
        key: 'train.errors.otherRunTraining',
        params: { run: racing.runId }
      })
    }
    const session = await startSession({
      runId,
      files: ctx.services.files(runId),
      config: record.config,
      dataset,
      resume,
      backend: ctx.info.backend,
      ...(ctx.services.stepWorkers ? { stepWorkers: ctx.services.stepWorkers } : {}),
      emit: ctx.emit
    })
    ctx.training.session = session
    void session.finished.finally(() => {
      if (ctx.training.session === session) ctx.training.session = null
    })
    return { runId }
  },
  'train.pause': async ({ runId }, ctx) => {
    const session = activeRun(ctx, runId)
    if (session.control.state === 'running') {
      session.control.pause()
      statusEvent(ctx, runId, 'paused')
    }
    return { status: session.control.state === 'paused' ? 'paused' : 'running' }
  },
  'train.resume': async ({ runId }, ctx) => {
    const session = activeRun(ctx, runId)
    if (session.control.state === 'paused') {
      session.control.resume()
      statusEvent(ctx, runId, 'running')
    }
    return { status: 'running' }
  },
  'train.stop': async ({ runId }, ctx) => {
    const session = activeRun(ctx, runId)
    session.control.stop()
    // Resolves once the model is saved, so the caller can show the final state.
    return { status: await session.finished }
  }
}
