/**
 * The lab's concurrency policy, and the one place that enforces it.
 *
 * - The lab runs one job at a time: a training run, a learning curve, a
 *   one-batch overfit, a learning-rate sweep or a search. A job holds the slot
 *   from the moment it is asked for (before any await, so a quick second click
 *   cannot slip in) until it ends; a paused training run still holds it.
 * - A second job is refused with JobRunningError (code `job_running`), whose
 *   message names the job that runs, so the person knows what to stop.
 * - A search and its trial pool count as one job: the search holds the slot and
 *   its trials run under it, never asking for a slot of their own.
 * - Looking things up (Explore, Evaluate, Runs, info) is not a job and is never
 *   refused: the engine answers between batches.
 * - Cores: a single training job uses every core by default (one worker each);
 *   search trials use one worker each, one trial per core.
 *
 * LabHost owns one JobSlot (`host.jobs`, `ctx.jobs` in handlers).
 */
import { LabError } from '../../shared/contract'

export type JobKind =
  'training' | 'learning-curve' | 'overfit-batch' | 'baselines' | 'lr-sweep' | 'search'

/** How a job is named in a sentence, e.g. "a learning-rate sweep". */
const jobNames: Record<JobKind, string> = {
  training: 'a training run',
  'learning-curve': 'a learning curve',
  'overfit-batch': 'a one-batch overfit',
  baselines: 'a baseline training',
  'lr-sweep': 'a learning-rate sweep',
  search: 'a search'
}

export interface RunningJob {
  kind: JobKind
  /** What the person knows the job by: a run's name, a search id. */
  label: string
  /** The run a training job trains, once it exists. */
  runId?: string
  /** The search a search job runs, once it has an id. */
  searchId?: string
  startedAt: string
}

/** A second job while one runs. */
export class JobRunningError extends LabError {
  constructor(
    readonly running: RunningJob,
    wanted: JobKind
  ) {
    super(
      'job_running',
      `The lab runs one job at a time, and ${jobNames[running.kind]} is running ` +
        `(${running.label}). Stop it or wait for it to finish before starting ` +
        `${jobNames[wanted]}.`,
      { key: `errors.jobRunning.${running.kind}`, params: { label: running.label } }
    )
    this.name = 'JobRunningError'
  }
}

/** A held slot. end() is idempotent, so every way out of a job may call it. */
export interface JobClaim {
  readonly job: RunningJob
  /** Renames the job once it knows more (a run created, a search id given). */
  update(change: Partial<Pick<RunningJob, 'label' | 'runId' | 'searchId'>>): void
  end(): void
}

export class JobSlot {
  private current: RunningJob | null = null

  /** The job that runs, if any. */
  running(): RunningJob | null {
    return this.current
  }

  /** Takes the slot for a job that ends later (a training run ends on its last event). */
  begin(kind: JobKind, label: string): JobClaim {
    if (this.current) throw new JobRunningError(this.current, kind)
    const job: RunningJob = { kind, label, startedAt: new Date().toISOString() }
    this.current = job
    return {
      job,
      update: (change) => Object.assign(job, change),
      end: () => this.end(job)
    }
  }

  /** Frees the slot if `job` still holds it (a late or repeated end is harmless). */
  end(job: RunningJob): void {
    if (this.current === job) this.current = null
  }

  /**
   * Takes the slot for a job that outlives the request starting it (a training
   * run, a search): a start that fails frees the slot, one that succeeds hands
   * the claim on, to be ended when the job ends.
   */
  async launch<T>(
    kind: JobKind,
    label: string,
    start: (claim: JobClaim) => Promise<T>
  ): Promise<T> {
    const claim = this.begin(kind, label)
    try {
      return await start(claim)
    } catch (error) {
      claim.end()
      throw error
    }
  }

  /** Holds the slot while `work` runs: for jobs whose whole life is one promise. */
  async run<T>(kind: JobKind, label: string, work: (claim: JobClaim) => Promise<T>): Promise<T> {
    const claim = this.begin(kind, label)
    try {
      return await work(claim)
    } finally {
      claim.end()
    }
  }

  /**
   * For actions that would pull the engine away from under any job (switching
   * backends restarts it): refused with the running job named.
   */
  refuseWhileRunning(what: string): void {
    if (this.current) {
      throw new LabError(
        'job_running',
        `${capitalize(jobNames[this.current.kind])} is running (${this.current.label}); ` +
          `stop it or wait for it to finish before you ${what}.`,
        { key: `errors.jobRunning.${this.current.kind}`, params: { label: this.current.label } }
      )
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
