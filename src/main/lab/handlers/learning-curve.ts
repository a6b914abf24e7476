/**
 * A learning curve: the same model and seed trained on growing fractions of the
 * train split, one run each, judged on one validation split and one test split.
 * The whole curve is one job (jobs.ts); it answers at once and reports through
 * learningCurve.progress events.
 */
import { randomBytes } from 'node:crypto'
import {
  toErrorInfo,
  type LabErrorText,
  type LearningCurveEvent,
  type RunRecord,
  type RunStatus,
  type TrainConfig
} from '../../../shared/contract'
import { keptEpoch } from '../../../shared/epoch-figures'
import type { HostContext, HostHandlers } from '../context'
import type { JobClaim } from '../jobs'
import { waitForRunEnd } from './run-end'
import { createRunRecord, startOnEngine } from './training'

function pointOf(record: RunRecord, fraction: number): LearningCurveEvent['points'][number] {
  return {
    fraction,
    runId: record.id,
    trainCount: record.split.train,
    status: record.status,
    trainAccuracy: keptEpoch(record)?.trainAccuracy ?? null,
    testAccuracy: record.testAccuracy
  }
}

/** Why the curve stopped at a run that did not complete, as the catalogue words it. */
function endedText(status: RunStatus, percent: number): LabErrorText {
  switch (status) {
    case 'stopped':
      return { key: 'regularize.curve.ended.stopped', params: { percent } }
    case 'diverged':
      return { key: 'regularize.curve.ended.diverged', params: { percent } }
    case 'interrupted':
      return { key: 'regularize.curve.ended.interrupted', params: { percent } }
    default:
      return { key: 'regularize.curve.ended.failed', params: { percent } }
  }
}

async function trainCurve(
  ctx: HostContext,
  claim: JobClaim,
  curve: LearningCurveEvent,
  config: TrainConfig
): Promise<void> {
  const report = (): void => ctx.emit('learningCurve.progress', structuredClone(curve))
  try {
    for (const fraction of curve.fractions) {
      const record = await createRunRecord(
        ctx,
        { ...config, trainFraction: fraction },
        `Learning curve ${Math.round(fraction * 1000) / 10}% of train`
      )
      const ended = waitForRunEnd(record.id)
      await startOnEngine(ctx, claim, record, false)
      curve.runningRunId = record.id
      report()
      const status = await ended
      delete curve.runningRunId
      curve.points.push(pointOf(await ctx.runs.get(record.id), fraction))
      if (status !== 'completed') {
        curve.state = status === 'stopped' ? 'stopped' : 'failed'
        const percent = Math.round(fraction * 100)
        curve.message = `The run on ${percent}% ended ${status}; the curve stops there.`
        curve.text = endedText(status, percent)
        return
      }
      report()
    }
    curve.state = 'done'
  } catch (error) {
    curve.state = 'failed'
    const info = toErrorInfo(error)
    curve.message = info.message
    if (info.text) curve.text = info.text
  } finally {
    claim.end()
    report()
  }
}

export const learningCurveHandlers: HostHandlers<'learningCurve.start'> = {
  'learningCurve.start': async ({ config, fractions }, ctx) => {
    const claim = ctx.jobs.begin('learning-curve', `a learning curve on ${config.datasetId}`)
    const curveId = `curve-${randomBytes(4).toString('hex')}`
    const curve: LearningCurveEvent = {
      curveId,
      fractions: [...fractions].sort((a, b) => a - b),
      points: [],
      state: 'running'
    }
    void trainCurve(ctx, claim, curve, config)
    return { curveId }
  }
}
