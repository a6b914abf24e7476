import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  defaultValidationFraction,
  type Augmentation,
  type LearningCurveEvent,
  type RunComparison,
  type RunRecord,
  type RunStatus,
  type TrainConfig
} from '../../../shared/contract'
import { leverRefusal, variantConfig, type LeverChange } from '../../../shared/levers'
import { meanAndSpread, type Spread } from '../../../shared/statistics'
import { seedTrainConfig } from '../../../shared/train-defaults'
import { lab } from '../api/lab'
import { useDatasetsStore } from './datasets'
import { useNoticesStore } from './notices'
import { useRunsStore } from './runs'

const terminal: ReadonlySet<RunStatus> = new Set([
  'completed',
  'stopped',
  'diverged',
  'failed',
  'interrupted'
])

export const finished = (run: RunRecord): boolean =>
  terminal.has(run.status) && run.testAccuracy !== null

/**
 * The Regularize tab: a baseline, variants that change one lever each, their
 * comparison, learning curves and seed repeats. Runs train one at a time (the
 * lab's job policy), so every start waits for the run before it.
 */
export const useRegularizeStore = defineStore('regularize', () => {
  const runs = useRunsStore()
  const datasets = useDatasetsStore()
  const notices = useNoticesStore()

  const baselineId = ref<string | null>(null)
  const variantId = ref<string | null>(null)
  const comparison = ref<RunComparison | null>(null)
  /** The run this tab is waiting for, and what it is. */
  const training = ref<{ runId: string; name: string } | null>(null)
  const curve = ref<LearningCurveEvent | null>(null)
  const seedRuns = ref<{ baseline: string[]; variant: string[] }>({ baseline: [], variant: [] })
  const repeating = ref<{ done: number; total: number } | null>(null)
  const epochs = ref(5)
  const validationFraction = ref(defaultValidationFraction)
  const augmentation = ref<Augmentation>({ shift: 2, rotate: 10, scale: 0.1 })

  const waiters = new Map<string, (status: RunStatus) => void>()
  /** Stop was pressed while a learning curve was between runs. */
  let curveStopPending = false
  let listening = false

  const candidates = computed(() =>
    runs.list.filter((r) => finished(r) && r.datasetId === datasets.selectedId)
  )
  const baseline = computed(() => runs.list.find((r) => r.id === baselineId.value) ?? null)
  const variant = computed(() => runs.list.find((r) => r.id === variantId.value) ?? null)

  function listen(): void {
    if (listening) return
    listening = true
    runs.listen()
    lab().on('train.status', (event) => {
      if (!terminal.has(event.status)) return
      // The list first, so whoever waits sees the run's final record.
      void runs.refresh().then(() => {
        waiters.get(event.runId)?.(event.status)
        waiters.delete(event.runId)
      })
    })
    lab().on('learningCurve.progress', (event) => {
      if (!curve.value || curve.value.curveId === event.curveId) curve.value = event
      if (curveStopPending && event.runningRunId) {
        curveStopPending = false
        void requestStop(event.runningRunId)
      }
      if (event.state !== 'running') curveStopPending = false
      if (event.state !== 'running') void runs.refresh()
    })
  }

  /** Starts a run and resolves with its id once it has ended (null if it could not start). */
  async function trainAndWait(
    config: TrainConfig,
    name: string,
    link?: { runId: string; change: LeverChange }
  ): Promise<string | null> {
    try {
      const { runId } = await lab().request('train.start', {
        config,
        name,
        ...(link ? { baseline: { runId: link.runId, lever: link.change.lever } } : {})
      })
      training.value = { runId, name }
      await new Promise<RunStatus>((resolve) => waiters.set(runId, resolve))
      return runId
    } catch (error) {
      notices.error(error)
      return null
    } finally {
      training.value = null
    }
  }

  async function trainBaseline(): Promise<void> {
    const config = seedTrainConfig({
      datasetId: datasets.selectedId,
      epochs: epochs.value,
      validationFraction: validationFraction.value
    })
    const runId = await trainAndWait(config, `Baseline, ${epochs.value} epochs`)
    if (runId) {
      baselineId.value = runId
      variantId.value = null
      comparison.value = null
    }
  }

  /** Why this lever cannot run on the chosen baseline (a catalogue key), or null. */
  function refusal(change: LeverChange): string | null {
    if (!baseline.value) return 'regularize.levers.noBaseline'
    const reason = leverRefusal(baseline.value.config, change)
    return reason ? `regularize.levers.${reason}` : null
  }

  async function trainVariant(change: LeverChange, name: string): Promise<void> {
    const base = baseline.value
    if (!base || refusal(change)) return
    const runId = await trainAndWait(variantConfig(base.config, change), name, {
      runId: base.id,
      change
    })
    if (runId) {
      variantId.value = runId
      seedRuns.value = { baseline: [], variant: [] }
      await compare(base.id, runId)
    }
  }

  /** Stops whatever this tab trains: a run, or the learning curve's current run (ending the curve). */
  async function stop(): Promise<void> {
    const runId = training.value?.runId ?? curve.value?.runningRunId
    if (runId) return requestStop(runId)
    // Between two runs of a learning curve: stop the next one as soon as it is announced.
    if (curve.value?.state === 'running') curveStopPending = true
  }

  async function requestStop(runId: string): Promise<void> {
    try {
      await lab().request('train.stop', { runId })
    } catch (error) {
      notices.error(error)
    }
  }

  async function compare(runA: string, runB: string): Promise<void> {
    try {
      baselineId.value = runA
      variantId.value = runB
      comparison.value = await lab().request('runs.compare', { runA, runB })
    } catch (error) {
      comparison.value = null
      notices.error(error)
    }
  }

  async function startCurve(fractions: number[]): Promise<void> {
    const base = baseline.value
    const config =
      base?.config ??
      seedTrainConfig({
        datasetId: datasets.selectedId,
        epochs: epochs.value,
        validationFraction: validationFraction.value
      })
    try {
      curve.value = null
      const { curveId } = await lab().request('learningCurve.start', { config, fractions })
      curve.value ??= { curveId, fractions, points: [], state: 'running' }
    } catch (error) {
      notices.error(error)
    }
  }

  /**
   * Trains the baseline and the variant again with n - 1 other seeds each, so
   * the spread over seeds stands beside McNemar's single-pair verdict.
   */
  async function repeatWithSeeds(n: number): Promise<void> {
    const base = baseline.value
    const other = variant.value
    if (!base || !other || n < 2) return
    seedRuns.value = { baseline: [base.id], variant: [other.id] }
    repeating.value = { done: 0, total: 2 * (n - 1) }
    try {
      for (let k = 1; k < n; k++) {
        const seed = base.config.seed + k
        for (const side of ['baseline', 'variant'] as const) {
          const source = side === 'baseline' ? base : other
          const change: LeverChange = { lever: 'seed', seed }
          const runId = await trainAndWait(
            variantConfig(source.config, change),
            `${source.name}, seed ${seed}`
          )
          if (!runId) return
          seedRuns.value[side] = [...seedRuns.value[side], runId]
          repeating.value = { done: repeating.value!.done + 1, total: repeating.value!.total }
        }
      }
    } finally {
      repeating.value = null
    }
  }

  /** Mean and spread of test accuracy over the seed repeats, per side. */
  const seedSpread = computed<{ baseline: Spread | null; variant: Spread | null }>(() => {
    const spread = (ids: string[]): Spread | null => {
      const values = ids
        .map((id) => runs.list.find((r) => r.id === id)?.testAccuracy)
        .filter((v): v is number => typeof v === 'number')
      return values.length >= 2 ? meanAndSpread(values) : null
    }
    return { baseline: spread(seedRuns.value.baseline), variant: spread(seedRuns.value.variant) }
  })

  return {
    baselineId,
    variantId,
    comparison,
    training,
    curve,
    repeating,
    epochs,
    validationFraction,
    augmentation,
    candidates,
    baseline,
    variant,
    seedSpread,
    listen,
    trainBaseline,
    trainVariant,
    refusal,
    compare,
    stop,
    startCurve,
    repeatWithSeeds
  }
})
