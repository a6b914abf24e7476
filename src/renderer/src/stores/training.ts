import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type {
  LabErrorText,
  BackendName,
  GpuAdapter,
  BatchEvent,
  EpochEvent,
  EpochMetrics,
  TrainResultEvent,
  RunStatus,
  TrainStatusEvent,
  TunedFrom
} from '../../../shared/contract'
import { translate } from '../i18n'
import { lab } from '../api/lab'
import { checkedFigures, isMeasuredEpoch } from '../../../shared/epoch-figures'
import {
  DecimatedSeries,
  EmaSmoother,
  frameThrottle,
  type BoundedSeries,
  type Point
} from '../charts/series'
import { newRunName } from '../components/runs/run-format'
import { datasetText } from '../components/explore/explore-format'
import { useDatasetsStore } from './datasets'
import { useNoticesStore } from './notices'
import {
  defaultHyperDraft,
  defaultModelDraft,
  parseTrainForm,
  type HyperDraft,
  type ModelDraft
} from './training-form'

/** Where the Train tab is: nothing yet, waiting for train.start, or a run's status. */
export type TrainingPhase = 'idle' | 'starting' | RunStatus

/** Chart data, kept outside Vue's reactivity: a long run pushes thousands of points. */
export interface LiveSeries {
  batchLoss: BoundedSeries
  smoothedLoss: BoundedSeries
  trainLoss: Point[]
  /** The epoch's running mean, beside the measured train loss. */
  runningLoss: Point[]
  testLoss: Point[]
}

/** Enough points for a smooth curve on any screen, few enough to redraw every frame. */
const maxChartPoints = 1500
/** Batch events arrive a few per second, so a modest weight already smooths well. */
const smoothingWeight = 0.8

const activePhases: ReadonlySet<TrainingPhase> = new Set(['starting', 'running', 'paused'])

/**
 * The Train tab's state: the model and hyperparameter form, and the live run it
 * started. It lives here rather than in components so that switching tabs
 * neither loses the form nor misses events of a run still going.
 */
export const useTrainingStore = defineStore('training', () => {
  const notices = useNoticesStore()
  const datasets = useDatasetsStore()

  const model = ref<ModelDraft>(defaultModelDraft())
  const hyper = ref<HyperDraft>(defaultHyperDraft())
  const form = computed(() =>
    parseTrainForm(
      model.value,
      hyper.value,
      datasets.ready.some((d) => d.id === datasets.selectedId) ? datasets.selectedId : null,
      datasets.scaling
    )
  )

  const phase = ref<TrainingPhase>('idle')
  const runId = ref<string | null>(null)
  const message = ref<string | null>(null)
  /** `message` as a catalogue message, when the lab sent one: preferred over the English. */
  const messageText = ref<LabErrorText | null>(null)
  const backend = ref<BackendName | null>(null)
  /** The GPU adapter of a GPU run, for the backend badge. */
  const adapter = ref<GpuAdapter | null>(null)
  const totalEpochs = ref(0)
  const epochs = ref<EpochMetrics[]>([])
  /** The test split's one evaluation at the end, on the kept weights (train.result). */
  const result = ref<TrainResultEvent | null>(null)
  /** The split the per-epoch figures came from: validation, or the test split standing in. */
  const checkedSplit = computed(() =>
    epochs.value[0] ? checkedFigures(epochs.value[0])?.split : undefined
  )
  /** The first batch loss we saw, and its step: compare with ln(10) for a 10-class model. */
  const firstLoss = ref<{ loss: number; step: number } | null>(null)
  /** The newest batch event, published once per animation frame. */
  const progress = shallowRef<BatchEvent | null>(null)
  const series: LiveSeries = markRaw({
    batchLoss: new DecimatedSeries(maxChartPoints),
    smoothedLoss: new DecimatedSeries(maxChartPoints),
    trainLoss: [],
    runningLoss: [],
    testLoss: []
  })
  /** Bumped at most once per frame; charts redraw when it changes. */
  const chartVersion = ref(0)

  const active = computed(() => activePhases.has(phase.value))
  const canStart = computed(() => !active.value && form.value.config !== null)

  const smoother = new EmaSmoother(smoothingWeight)
  let latestBatch: BatchEvent | null = null
  /** Until the first batch event says, from the run record (adopted runs) or 1. */
  let knownBatchesPerEpoch = 1
  const publish = frameThrottle(() => {
    progress.value = latestBatch
    chartVersion.value += 1
  })

  function resetLive(total: number): void {
    runId.value = null
    message.value = null
    messageText.value = null
    backend.value = null
    adapter.value = null
    totalEpochs.value = total
    epochs.value = []
    result.value = null
    firstLoss.value = null
    latestBatch = null
    knownBatchesPerEpoch = 1
    progress.value = null
    series.batchLoss.clear()
    series.smoothedLoss.clear()
    series.trainLoss = []
    series.runningLoss = []
    series.testLoss = []
    smoother.reset()
    chartVersion.value += 1
  }

  function onBatch(event: BatchEvent): void {
    latestBatch = event
    if (!firstLoss.value) firstLoss.value = { loss: event.loss, step: event.step }
    series.batchLoss.push({ x: event.step, y: event.loss })
    series.smoothedLoss.push({ x: event.step, y: smoother.next(event.loss) })
    publish()
  }

  function onEpoch(event: EpochEvent): void {
    const { runId: _runId, ...metrics } = event
    epochs.value = [...epochs.value, metrics]
    // Epoch points sit on the batch axis, at the step that closed the epoch.
    const perEpoch = latestBatch?.batchesPerEpoch ?? knownBatchesPerEpoch
    series.trainLoss.push({ x: event.epoch * perEpoch, y: event.trainLoss })
    series.runningLoss.push({ x: event.epoch * perEpoch, y: event.runningLoss })
    series.testLoss.push({ x: event.epoch * perEpoch, y: checkedFigures(event)?.loss ?? NaN })
    publish()
  }

  function onStatus(event: TrainStatusEvent): void {
    phase.value = event.status
    if (event.message) {
      message.value = event.message
      messageText.value = event.text ?? null
    }
    if (event.backend) backend.value = event.backend
    adapter.value = event.adapter ?? (event.backend ? null : adapter.value)
    publish()
  }

  /** Events that arrive before train.start answers carry a run id we do not know yet. */
  let early: (() => void)[] = []
  let earlyIds: string[] = []

  function route<T extends { runId: string }>(handler: (event: T) => void) {
    return (event: T): void => {
      if (phase.value === 'starting' && runId.value === null) {
        earlyIds.push(event.runId)
        early.push(() => handler(event))
        return
      }
      if (event.runId === runId.value) handler(event)
    }
  }

  /**
   * Shows a run this page did not start: one still training after a reload, or
   * one resumed from the Runs tab. Its past epochs come from run.json.
   */
  async function adopt(id: string): Promise<void> {
    try {
      const record = await lab().request('runs.get', { runId: id })
      if (active.value || (record.status !== 'running' && record.status !== 'paused')) return
      resetLive(record.config.epochs)
      runId.value = id
      phase.value = record.status
      backend.value = record.backend
      knownBatchesPerEpoch = Math.ceil(record.split.train / record.config.batchSize)
      if (record.firstLoss !== null) firstLoss.value = { loss: record.firstLoss, step: 1 }
      for (const metrics of record.epochs.filter(isMeasuredEpoch))
        onEpoch({ runId: id, ...metrics })
    } catch (error) {
      notices.error(error)
    }
  }

  function onForeignStatus(event: TrainStatusEvent): void {
    if (event.runId !== runId.value && !active.value && event.status === 'running') {
      void adopt(event.runId)
    }
  }

  let listening = false
  /** Subscribes once; the subscription outlives the Train tab on purpose. */
  function listen(): void {
    if (listening) return
    listening = true
    lab().on('train.batch', route(onBatch))
    lab().on('train.epoch', route(onEpoch))
    lab().on('train.status', route(onStatus))
    lab().on(
      'train.result',
      route((event: TrainResultEvent) => {
        result.value = event
      })
    )
    lab().on('train.status', onForeignStatus)
    lab().on('engine.status', (status) => {
      // The host reports the run as interrupted too; this covers the gap until it does.
      if (status.state !== 'crashed' || !active.value) return
      phase.value = 'interrupted'
      message.value = status.message ?? translate('train.outcome.engineStoppedUnexpectedly')
      messageText.value = status.text ?? null
      publish()
    })
    lab()
      .request('runs.list', {})
      .then((runs) => {
        const live = runs.find((r) => r.status === 'running' || r.status === 'paused')
        if (live && !active.value) void adopt(live.id)
      })
      .catch((error: unknown) => notices.error(error))
  }

  /** `tunedFrom`: the run trains a search's best configuration fully. */
  async function start(tunedFrom?: TunedFrom): Promise<void> {
    const config = form.value.config
    if (!config || active.value) return
    listen()
    resetLive(config.epochs)
    phase.value = 'starting'
    early = []
    earlyIds = []
    try {
      const dataset = datasets.selected
      const name = newRunName(
        config.model,
        dataset ? datasetText(dataset, 'name') : config.datasetId,
        new Date()
      )
      const result = await lab().request('train.start', {
        config,
        name,
        ...(tunedFrom ? { tunedFrom } : {})
      })
      runId.value = result.runId
      if (phase.value === 'starting') phase.value = 'running'
      const replay = early.filter((_, i) => earlyIds[i] === result.runId)
      early = []
      earlyIds = []
      for (const run of replay) run()
    } catch (error) {
      if (phase.value === 'starting') phase.value = 'idle'
      notices.error(error)
    }
  }

  async function control(request: 'train.pause' | 'train.resume' | 'train.stop'): Promise<void> {
    const id = runId.value
    if (!id) return
    try {
      const result = await lab().request(request, { runId: id })
      // An event may already have moved us on (e.g. to completed); never go back to active.
      if (runId.value === id && active.value) phase.value = result.status
    } catch (error) {
      notices.error(error)
    }
  }

  function resetModel(): void {
    model.value = defaultModelDraft()
  }

  function resetHyper(): void {
    hyper.value = defaultHyperDraft()
  }

  return {
    model,
    hyper,
    form,
    phase,
    runId,
    message,
    messageText,
    backend,
    adapter,
    totalEpochs,
    epochs,
    result,
    checkedSplit,
    firstLoss,
    progress,
    series,
    chartVersion,
    active,
    canStart,
    listen,
    start,
    pause: () => control('train.pause'),
    resume: () => control('train.resume'),
    stop: () => control('train.stop'),
    resetModel,
    resetHyper
  }
})
