import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Evaluation, ScoredImage, Split } from '../../../shared/contract'
import { inkFromRgba, preprocessDrawing } from '../../../shared/drawing'
import type { CellChoice, HeatmapMode } from '../components/evaluate/heatmap-data'
import { lab } from '../api/lab'
import { useNoticesStore } from './notices'

/**
 * Wraps an async task so that calls arriving while one runs collapse into a
 * single follow-up with the newest argument, started no sooner than
 * `minIntervalMs` after the previous one: drawing fires dozens of events a
 * second, and only the latest stroke matters.
 */
export function latestOnly<T>(
  task: (value: T) => Promise<void>,
  minIntervalMs: number,
  now: () => number = Date.now
): (value: T) => void {
  let running = false
  let pending: { value: T } | null = null
  let lastStart = -Infinity

  async function pump(): Promise<void> {
    while (pending) {
      const wait = lastStart + minIntervalMs - now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      const next = pending
      pending = null
      lastStart = now()
      await task(next.value).catch(() => undefined)
    }
    running = false
  }

  return (value) => {
    pending = { value }
    if (running) return
    running = true
    void pump()
  }
}

/** What Evaluate shows: one run's metrics on one split, the chosen cell, and the drawing's prediction. */
export const useEvaluationStore = defineStore('evaluation', () => {
  const runId = ref<string | null>(null)
  const split = ref<Split>('test')
  const evaluation = ref<Evaluation | null>(null)
  const loading = ref(false)
  const mode = ref<HeatmapMode>('counts')
  const cell = ref<CellChoice | null>(null)
  const cellItems = ref<ScoredImage[]>([])
  const cellTotal = ref(0)
  const cellLoading = ref(false)
  const drawnPixels = ref<number[] | null>(null)
  const drawnProbabilities = ref<number[] | null>(null)
  const notices = useNoticesStore()

  const classNames = computed(
    () => evaluation.value?.classNames ?? Array.from({ length: 10 }, (_, i) => String(i))
  )

  /** Answers to an older choice of run or split are dropped, not shown. */
  let generation = 0

  async function load(
    nextRunId: string | null = runId.value,
    nextSplit = split.value
  ): Promise<void> {
    runId.value = nextRunId
    split.value = nextSplit
    cell.value = null
    cellItems.value = []
    drawnProbabilities.value = null
    if (!nextRunId) {
      evaluation.value = null
      return
    }
    const mine = ++generation
    loading.value = true
    try {
      const result = await lab().request('evaluate.run', { runId: nextRunId, split: nextSplit })
      if (mine === generation) {
        evaluation.value = result
        // A digit still on the pad is asked of the newly chosen model.
        if (drawnPixels.value) {
          drawing += 1
          requestPrediction({ pixels: drawnPixels.value, version: drawing })
        }
      }
    } catch (error) {
      if (mine === generation) evaluation.value = null
      notices.error(error)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** Only the latest cell request may fill the gallery: clicks can outrun answers. */
  let cellRequest = 0

  async function selectCell(choice: CellChoice): Promise<void> {
    if (!runId.value) return
    cell.value = { ...choice }
    cellLoading.value = true
    const mine = ++cellRequest
    const evaluationGeneration = generation
    try {
      const result = await lab().request('evaluate.cell', {
        runId: runId.value,
        split: split.value,
        limit: 24,
        ...choice
      })
      if (mine !== cellRequest || evaluationGeneration !== generation) return
      cellItems.value = result.items
      cellTotal.value = result.total
    } catch (error) {
      notices.error(error)
    } finally {
      if (mine === cellRequest) cellLoading.value = false
    }
  }

  /** Picks the run Evaluate opens with next (Runs' "Open in Evaluate"); loading is Evaluate's. */
  function choose(nextRunId: string): void {
    runId.value = nextRunId
  }

  function setMode(next: HeatmapMode): void {
    mode.value = next
  }

  /**
   * Bumped by every stroke and every Clear. While the pen moves, each answer
   * newer than the one shown is shown (live); one from before a Clear never is.
   */
  let drawing = 0
  let shown = 0
  let clearedAt = 0

  const requestPrediction = latestOnly(
    async ({ pixels, version }: { pixels: number[]; version: number }) => {
      const id = runId.value
      if (!id) return
      try {
        const result = await lab().request('predict.image', { runId: id, pixels })
        if (version > shown && version > clearedAt && runId.value === id) {
          shown = version
          drawnProbabilities.value = result.probabilities
        }
      } catch (error) {
        notices.error(error)
      }
    },
    120
  )

  /** The canvas as RGBA with ink in the alpha channel, made into MNIST's 28x28 input. */
  function predictDrawing(rgba: ArrayLike<number>, width: number, height: number): void {
    let pixels: number[]
    try {
      pixels = preprocessDrawing(inkFromRgba(rgba, width, height, 'alpha'))
    } catch (error) {
      notices.error(error)
      return
    }
    if (pixels.every((v) => v === 0)) return clearDrawing()
    drawnPixels.value = pixels
    drawing += 1
    requestPrediction({ pixels, version: drawing })
  }

  function clearDrawing(): void {
    drawing += 1
    clearedAt = drawing
    drawnPixels.value = null
    drawnProbabilities.value = null
  }

  return {
    runId,
    split,
    evaluation,
    loading,
    mode,
    cell,
    cellItems,
    cellTotal,
    cellLoading,
    classNames,
    drawnPixels,
    drawnProbabilities,
    load,
    selectCell,
    choose,
    setMode,
    predictDrawing,
    clearDrawing
  }
})
