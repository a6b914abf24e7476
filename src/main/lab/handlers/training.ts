/**
 * Host side of training. The host owns run.json: it creates the record, asks
 * the engine to train, and folds the engine's events into the record. A training
 * run is one of the lab's jobs: one at a time (jobs.ts).
 */
import {
  LabError,
  isGpuBackend,
  type AnyLabEvent,
  type BackendName,
  type LabErrorText,
  type RunRecord,
  type TrainConfig,
  type WordedMessage
} from '../../../shared/contract'
import { parameterCount } from '../../../shared/model-summary'
import { validationCount } from '../engine/data/validation-split'
import { trainedRowCount } from '../../../shared/train-fraction'
import { autoBackend } from '../auto-backend/measure'
import type { HostContext, HostHandlers } from '../context'
import type { EngineClient } from '../engine-client'
import type { JobClaim, RunningJob } from '../jobs'
import { notifyRunEnd } from './run-end'
import { applyCheckpointedEpoch } from '../runs/record-file'

const terminal = new Set(['completed', 'stopped', 'diverged', 'failed', 'interrupted'])

/** The training job, if the lab's one job is a training run. */
function trainingJob(ctx: HostContext): RunningJob | null {
  const job = ctx.jobs.running()
  return job?.kind === 'training' ? job : null
}

/** The job that trains a run now: a training run, or a learning curve on one of its runs. */
function jobTrainingARun(ctx: HostContext): RunningJob | null {
  const job = ctx.jobs.running()
  return job && (job.kind === 'training' || job.kind === 'learning-curve') && job.runId ? job : null
}

/** The run the engine is training now, if any (for RunStore.markInterrupted and the UI). */
export function activeTrainingRun(ctx: HostContext): string | null {
  return jobTrainingARun(ctx)?.runId ?? null
}

/**
 * Starts the engine on a run whose record exists. The claim stays held when this
 * returns: the run's last status event (or the engine's crash) ends it.
 */
export async function startOnEngine(
  ctx: HostContext,
  claim: JobClaim,
  record: RunRecord,
  resume: boolean
): Promise<void> {
  claim.update({ label: `run "${record.name}"`, runId: record.id })
  try {
    const backend = await runBackend(ctx, claim, record)
    if (isGpuBackend(backend)) {
      // Refused with the reason when this GPU backend cannot start: never run elsewhere silently.
      const gpu = await ctx.gpu.use(backend)
      ctx.gpu.runId = record.id
      await gpu.request('train.start', { runId: record.id, resume })
    } else {
      // tfjs keeps one backend for the life of a process: a run that asks for
      // another one gets a fresh engine with that backend.
      if (ctx.engine.backendChoice !== backend && ctx.engine.info?.backend !== backend) {
        await ctx.engine.restart(backend)
      }
      await ctx.engine.request('train.start', { runId: record.id, resume })
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await ctx.runs.update(record.id, (r) => {
      r.status = 'failed'
      r.message = message
      if (error instanceof LabError && error.text) r.messageText = error.text
      else delete r.messageText
    })
    ctx.emit('runs.changed', { runId: record.id })
    throw error
  }
  ctx.emit('runs.changed', { runId: record.id })
}

/**
 * The backend a run trains on: its own choice, or for "auto" the fastest that
 * auto measured for its model kind on this machine (cached after the first time).
 */
async function runBackend(
  ctx: HostContext,
  claim: JobClaim,
  record: RunRecord
): Promise<BackendName> {
  const choice = record.config.backend
  if (choice !== 'auto') return choice
  claim.update({ label: `run "${record.name}" (measuring backends for auto)` })
  const pick = await autoBackend(ctx, record.config.model, record.config.batchSize)
  claim.update({ label: `run "${record.name}"` })
  return pick.backend
}

export const trainingHandlers: HostHandlers<
  'train.start' | 'train.pause' | 'train.resume' | 'train.stop' | 'runs.resume'
> = {
  'train.start': ({ config, name, tunedFrom, baseline }, ctx) =>
    ctx.jobs.launch('training', `a new run on ${config.datasetId}`, async (claim) => {
      if (baseline) await ctx.runs.get(baseline.runId)
      const record = await createRunRecord(ctx, config, name, baseline)
      if (tunedFrom) {
        await ctx.runs.update(record.id, (r) => {
          r.tunedFrom = tunedFrom
        })
      }
      await startOnEngine(ctx, claim, record, false)
      return { runId: record.id }
    }),
  'train.pause': (params, ctx) => trainingEngine(ctx, params.runId).request('train.pause', params),
  'train.resume': (params, ctx) =>
    trainingEngine(ctx, params.runId).request('train.resume', params),
  'train.stop': (params, ctx) => trainingEngine(ctx, params.runId).request('train.stop', params),
  'runs.resume': ({ runId }, ctx) =>
    ctx.jobs.launch('training', `run ${runId}`, async (claim) => {
      const record = await ctx.runs.get(runId)
      if (record.status === 'running' || record.status === 'paused') {
        throw new LabError('busy', `Run ${record.name} is already training.`, {
          key: 'train.errors.alreadyTraining',
          params: { run: record.name }
        })
      }
      if (record.status === 'completed' || record.checkpointEpoch === record.config.epochs) {
        throw new LabError('invalid_request', `Run ${record.name} has finished all its epochs.`, {
          key: 'train.errors.finished',
          params: { run: record.name }
        })
      }
      const resume = record.checkpointEpoch !== null
      const updated = await ctx.runs.update(runId, (r) => {
        r.status = 'running'
        delete r.message
        delete r.messageText
        // Epochs after the checkpoint are trained again.
        r.epochs = r.epochs.filter((e) => resume && e.epoch <= (r.checkpointEpoch ?? 0))
        if (!resume) r.firstLoss = null
        // The kept weights and their test figures come again at the new end.
        r.testAccuracy = null
        r.testLoss = null
        r.stoppedEpoch = null
      })
      await startOnEngine(ctx, claim, updated, resume)
      return { runId }
    })
}

/** The engine that trains `runId`: the GPU engine for a GPU run, else the Node engine. */
function trainingEngine(ctx: HostContext, runId: string): EngineClient {
  return ctx.gpu.trains(runId) && ctx.gpu.client ? ctx.gpu.client : ctx.engine
}

/** Writes the record of a new run, its split sizes as the engine will train them. */
export async function createRunRecord(
  ctx: HostContext,
  config: TrainConfig,
  name?: string,
  baseline?: RunRecord['baseline']
): Promise<RunRecord> {
  // The engine knows the datasets on disk; this also fails early for a missing one.
  const facts = await ctx.engine.request('explore.facts', { datasetId: config.datasetId })
  const validation = validationCount(facts.counts.train, config.validationFraction ?? 0)
  const train = trainedRowCount(facts.counts.train - validation, config.trainFraction)
  return ctx.runs.create({
    ...(name ? { name } : {}),
    config,
    datasetName: facts.name,
    split: { train, test: facts.counts.test, ...(validation > 0 ? { validation } : {}) },
    parameterCount: parameterCount(config.model, facts.inputSize, facts.classNames.length),
    ...(baseline ? { baseline } : {})
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
      const runId = await done
      ctx.emit('runs.changed', { runId })
      if (event.name === 'train.status' && terminal.has(event.payload.status)) {
        notifyRunEnd(runId, event.payload.status)
      }
    } catch (error) {
      console.error('[training] could not update run.json:', error)
      // The run has ended even so: a learning curve waiting for it must not hold
      // the lab's job slot for ever.
      if (event.name === 'train.status' && terminal.has(event.payload.status)) {
        notifyRunEnd(event.payload.runId, event.payload.status)
      }
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
      return (
        ctx.runs
          // The engine writes the checkpoint before it reports the epoch.
          .update(runId, (r) => applyCheckpointedEpoch(r, metrics))
          .then(() => runId)
      )
    }
    case 'train.result': {
      const { runId, ...result } = event.payload
      return ctx.runs.update(runId, (r) => Object.assign(r, result)).then(() => runId)
    }
    case 'train.status': {
      const { runId, status, message, text, backend, step } = event.payload
      const job = trainingJob(ctx)
      if (terminal.has(status) && job?.runId === runId) ctx.jobs.end(job)
      return ctx.runs
        .update(runId, (r) => {
          r.status = status
          if (message) r.message = message
          else delete r.message
          if (text) r.messageText = text
          else delete r.messageText
          if (backend) r.backend = backend
          if (step) r.step = step
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
 * `gpuProblem` is what the GPU engine said first as it died, when it was the one.
 */
export async function trainingEngineLost(
  ctx: HostContext,
  gpuProblem?: WordedMessage
): Promise<void> {
  const job = jobTrainingARun(ctx)
  const runId = job?.runId
  if (!job || !runId) return
  ctx.jobs.end(job)
  notifyRunEnd(runId, 'interrupted')
  await ctx.runs.markInterrupted(new Set())
  const record = await ctx.runs.get(runId)
  const what =
    gpuProblem === undefined
      ? 'The engine stopped unexpectedly.'
      : `${gpuProblem.message} The run can resume from its last checkpoint; runs that do not ask for a GPU backend train on the Node engine.`
  ctx.emit('train.status', {
    runId,
    status: 'interrupted',
    message: `${what} ${record.message ?? ''}`.trim(),
    text: engineLostText(record.checkpointEpoch, gpuProblem)
  })
  ctx.emit('runs.changed', { runId })
}

/** The interrupted run's status in catalogue words: which engine died, and where the run can go on. */
function engineLostText(checkpointEpoch: number | null, gpuProblem?: WordedMessage): LabErrorText {
  if (gpuProblem === undefined) {
    return checkpointEpoch === null
      ? { key: 'train.outcome.engineLost.beforeFirstEpoch' }
      : { key: 'train.outcome.engineLost.afterEpoch', params: { epoch: checkpointEpoch } }
  }
  // The GPU engine's own sentence, worded by the catalogue where it has words for it.
  const why = gpuProblem.text ?? gpuProblem.message
  return checkpointEpoch === null
    ? { key: 'train.outcome.gpuLost.beforeFirstEpoch', params: { why } }
    : {
        key: 'train.outcome.gpuLost.afterEpoch',
        params: { why, epoch: checkpointEpoch }
      }
}

/**
 * The Node engine died. Its run is cut off; a run on the GPU engine is not (the
 * Node engine may have crashed while exploring or evaluating beside it).
 */
export async function nodeEngineLost(ctx: HostContext): Promise<void> {
  const runId = activeTrainingRun(ctx)
  if (runId && ctx.gpu.trains(runId)) return
  await trainingEngineLost(ctx)
}

/**
 * The GPU engine died (the page crashed, the GPU was lost, Chromium was killed):
 * only a run it was training is cut off. The lab keeps running on the Node engine.
 */
export async function gpuEngineLost(ctx: HostContext): Promise<void> {
  const runId = ctx.gpu.runId
  if (!runId || activeTrainingRun(ctx) !== runId) return
  const why = ctx.gpu.lastProblem ?? {
    message: 'The GPU engine (Chromium) stopped unexpectedly.',
    text: { key: 'gpu.errors.stoppedWithoutReason' }
  }
  await trainingEngineLost(ctx, why)
}

/**
 * Refuses work that would pull the engine or the run away from under a job:
 * with a runId, only while that run trains (deleting it); without, while any
 * job runs (switching backends restarts the engine).
 */
export function refuseWhileTraining(ctx: HostContext, what: string, runId?: string): void {
  if (runId === undefined) return ctx.jobs.refuseWhileRunning(what)
  if (activeTrainingRun(ctx) === runId) {
    throw new LabError('job_running', `Run ${runId} is training; stop it before you ${what}.`, {
      key: 'train.errors.stopFirst',
      params: { run: runId }
    })
  }
}
