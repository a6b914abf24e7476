/**
 * A search from start (or resume) to its end: successive halving over rungs,
 * each stage's trials trained on the pool, every trial a run of its own judged
 * on its validation split, and search.json written after every trial event.
 * The best trial's test accuracy is measured once, at the very end.
 */
import {
  LabError,
  type AnyLabEvent,
  type RunRecord,
  type SearchRecord,
  type TrialRecord
} from '../../../shared/contract'
import type { HostContext } from '../context'
import { createRunRecord, trainingRecorder } from '../handlers/training'
import { promoted } from './halving'
import type { EnginePool, PoolSlot } from './pool'
import type { SearchStore } from './store'

/** A trial cut off by an engine crash is resumed from its checkpoint this many times. */
const crashRetries = 2

type StageEnd = 'reached' | 'completed' | 'diverged' | 'failed' | 'interrupted'

export class SearchRunner {
  private readonly started = performance.now()
  private readonly wallBefore: number

  constructor(
    private readonly ctx: HostContext,
    private readonly store: SearchStore,
    private readonly pool: EnginePool,
    private readonly record: SearchRecord
  ) {
    this.wallBefore = record.wallSeconds
  }

  async run(): Promise<SearchRecord> {
    const { record } = this
    record.status = 'running'
    delete record.message
    delete record.messageText
    await this.save()
    this.ctx.emit('search.status', { searchId: record.id, status: 'running' })
    try {
      for (const target of [...record.rungs, record.epochs]) {
        const alive = record.trialRecords.filter((t) => isAlive(t))
        const behind = longestFirst(alive.filter((t) => t.epochs < target))
        await this.pool.run(behind, (trial, slot) => this.trainTrial(trial, slot, target))
        if (target < record.epochs) await this.halve(target)
      }
      await this.finish()
    } catch (error) {
      record.status = 'failed'
      record.message = error instanceof Error ? error.message : String(error)
      if (error instanceof LabError && error.text) record.messageText = error.text
      await this.save()
    } finally {
      await this.pool.close()
    }
    this.ctx.emit('search.status', {
      searchId: record.id,
      status: record.status,
      ...(record.message ? { message: record.message } : {}),
      ...(record.messageText ? { text: record.messageText } : {})
    })
    return record
  }

  /** Trials still training at a rung: the best half go on, the rest stop there. */
  private async halve(rung: number): Promise<void> {
    const contenders = this.record.trialRecords.filter((t) => isAlive(t))
    // The score at the rung itself: a stop that came late may have let one more epoch finish.
    const scores = contenders.map((t) => ({
      trial: t.trial,
      score: t.scores[rung - 1] ?? Number.NaN
    }))
    const kept = promoted(scores)
    for (const trial of contenders) {
      if (kept.has(trial.trial)) continue
      trial.status = 'stopped'
      trial.stoppedAtRung = rung
      this.ctx.emit('search.trial', { searchId: this.record.id, trial })
    }
    await this.save()
  }

  private async finish(): Promise<void> {
    const { record } = this
    const finished = record.trialRecords.filter(
      (t) => t.status === 'completed' && t.validationAccuracy !== null && t.runId
    )
    if (finished.length === 0) {
      record.status = 'failed'
      const top = record.space.learningRate.max
      if (record.trialRecords.every((t) => t.status === 'diverged')) {
        record.message = `Every trial diverged. Lower the learning-rate range (its maximum is ${top}).`
        record.messageText = { key: 'tune.search.ended.allDiverged', params: { max: top } }
      } else {
        record.message = 'No trial finished its epochs; see the trials for why.'
        record.messageText = { key: 'tune.search.ended.noneFinished' }
      }
      await this.save()
      return
    }
    const best = finished.reduce((a, b) => (b.validationAccuracy! > a.validationAccuracy! ? b : a))
    record.best = {
      trial: best.trial,
      runId: best.runId!,
      config: best.config,
      validationAccuracy: best.validationAccuracy!
    }
    // The one look at the test split, for the chosen configuration only; on a
    // trial engine, which has the dataset loaded, so the UI's engine stays free.
    const evaluate = () =>
      this.pool.once((slot) =>
        slot.engine.request('evaluate.run', { runId: best.runId!, split: 'test' })
      )
    // An engine that dies under the evaluation is started again for a second try.
    const evaluation = await evaluate().catch((error: unknown) => {
      if (isEngineCrash(error)) return evaluate()
      throw error
    })
    record.bestTestAccuracy = evaluation.accuracy
    record.status = 'completed'
    await this.save()
  }

  private async trainTrial(trial: TrialRecord, slot: PoolSlot, target: number): Promise<void> {
    let afterCrash = false
    for (let attempt = 0; attempt <= crashRetries; attempt++) {
      const end = await this.trainStage(trial, slot, target, afterCrash)
      afterCrash = end === 'interrupted'
      if (afterCrash) {
        trial.message = 'The trial engine crashed; the trial resumes from its checkpoint.'
        trial.messageText = { key: 'tune.search.trial.crashResumed' }
        continue
      }
      if (end === 'completed' || end === 'diverged' || end === 'failed') trial.status = end
      if (end !== 'reached' || target === this.record.epochs) {
        this.ctx.emit('search.trial', { searchId: this.record.id, trial })
      }
      await this.save()
      return
    }
    trial.status = 'failed'
    trial.message = 'The trial engine crashed repeatedly.'
    trial.messageText = { key: 'tune.search.trial.crashedRepeatedly' }
    this.ctx.emit('search.trial', { searchId: this.record.id, trial })
    await this.save()
  }

  /** Trains one trial up to `target` epochs on the slot's engine (new, or from its checkpoint). */
  private async trainStage(
    trial: TrialRecord,
    slot: PoolSlot,
    target: number,
    afterCrash: boolean
  ): Promise<StageEnd> {
    let record: RunRecord
    try {
      record = trial.runId
        ? await this.resumeRecord(trial.runId, afterCrash)
        : await this.createRun(trial, slot)
    } catch (error) {
      // The engine died while reading the dataset's facts for a new run: try again.
      if (isEngineCrash(error)) return 'interrupted'
      throw error
    }
    trial.runId = record.id
    trial.status = 'running'
    await this.save()
    const recorder = trainingRecorder({ ...this.ctx, engine: slot.engine })
    let settle: (end: StageEnd) => void = () => undefined
    const ended = new Promise<StageEnd>((resolve) => (settle = resolve))
    let stopping = false
    let queue = Promise.resolve()
    const handle = async (event: AnyLabEvent): Promise<void> => {
      await recorder(event)
      if (!('runId' in event.payload) || event.payload.runId !== record.id) return
      if (event.name === 'train.epoch') {
        trial.epochs = event.payload.epoch
        // A trial's held-out figures are its validation split's (every epoch carries one of the two).
        const score = event.payload.validationAccuracy ?? event.payload.testAccuracy ?? 0
        trial.validationAccuracy = score
        trial.scores = [...trial.scores.slice(0, event.payload.epoch - 1), score]
        trial.seconds += event.payload.seconds
        await this.save()
        if (event.payload.epoch >= target && target < trial.config.epochs && !stopping) {
          stopping = true
          void slot.engine.request('train.stop', { runId: record.id }).catch(() => undefined)
        }
      } else if (event.name === 'train.status') {
        const status = event.payload.status
        if (status === 'stopped') settle('reached')
        else if (status === 'completed') settle('completed')
        else if (status === 'diverged' || status === 'failed') {
          if (event.payload.message) {
            trial.message = event.payload.message
            if (event.payload.text) trial.messageText = event.payload.text
            else delete trial.messageText
          }
          settle(status)
        }
      }
    }
    const off = slot.listen((event) => {
      queue = queue.then(() => handle(event)).catch(() => undefined)
    })
    const offCrash = slot.onCrash(() => settle('interrupted'))
    try {
      await slot.engine.request('train.start', {
        runId: record.id,
        resume: record.checkpointEpoch !== null
      })
      const end = await ended
      await queue
      return end
    } catch (error) {
      if (isEngineCrash(error)) return 'interrupted'
      trial.message = error instanceof Error ? error.message : String(error)
      if (error instanceof LabError && error.text) trial.messageText = error.text
      else delete trial.messageText
      return 'failed'
    } finally {
      off()
      offCrash()
    }
  }

  private async createRun(trial: TrialRecord, slot: PoolSlot) {
    // The trial's engine reads the dataset's facts: it loads the dataset for training anyway.
    const created = await createRunRecord(
      { ...this.ctx, engine: slot.engine },
      trial.config,
      `Search ${this.record.id.slice(2)} trial ${trial.trial + 1}`
    )
    const record = await this.ctx.runs.update(created.id, (r) => {
      r.search = { searchId: this.record.id, trial: trial.trial }
    })
    this.ctx.emit('runs.changed', { runId: record.id })
    return record
  }

  /**
   * A trial run goes on from its checkpoint; epochs after it are trained again.
   * After a crash the engine may have died halfway through replacing checkpoint/,
   * or after writing it and before reporting the epoch: the folder is put right first.
   */
  private resumeRecord(runId: string, afterCrash: boolean) {
    const resume = afterCrash
      ? this.ctx.runs.recoverCutOff.bind(this.ctx.runs)
      : this.ctx.runs.update.bind(this.ctx.runs)
    return resume(runId, (r) => {
      r.status = 'running'
      delete r.message
      delete r.messageText
      r.epochs = r.epochs.filter((e) => e.epoch <= (r.checkpointEpoch ?? 0))
    })
  }

  private save(): Promise<void> {
    this.record.wallSeconds = this.wallBefore + (performance.now() - this.started) / 1000
    return this.store.save(this.record)
  }
}

/**
 * Trials with the slowest epochs so far go first, so that a stage does not end
 * waiting on one long trial started last (longest-processing-time order). The
 * first stage has no timings yet and keeps the sampled order.
 */
function longestFirst(trials: TrialRecord[]): TrialRecord[] {
  const perEpoch = (t: TrialRecord): number => (t.epochs > 0 ? t.seconds / t.epochs : 0)
  return [...trials].sort((a, b) => perEpoch(b) - perEpoch(a))
}

function isEngineCrash(error: unknown): boolean {
  return error instanceof LabError && error.code === 'engine_crashed'
}

function isAlive(trial: TrialRecord): boolean {
  return trial.status === 'pending' || trial.status === 'running'
}
