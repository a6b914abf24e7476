import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { EnsembleResult } from '../../../shared/contract'
import { lab } from '../api/lab'
import { useNoticesStore } from './notices'
import { hasModel, useRunsStore } from './runs'

/** The Tune tab's ensemble: which trained runs are members, and how they score together. */
export const useEnsembleStore = defineStore('ensemble', () => {
  const runs = useRunsStore()
  const notices = useNoticesStore()
  const selected = ref<string[]>([])
  const result = shallowRef<EnsembleResult | null>(null)
  const evaluating = ref(false)

  const candidates = computed(() => runs.list.filter(hasModel))
  const canEvaluate = computed(() => !evaluating.value && selected.value.length >= 2)

  function toggle(runId: string, on: boolean): void {
    selected.value = on
      ? [...new Set([...selected.value, runId])]
      : selected.value.filter((id) => id !== runId)
  }

  async function evaluate(): Promise<void> {
    if (!canEvaluate.value) return
    evaluating.value = true
    try {
      result.value = await lab().request('ensemble.evaluate', { runIds: selected.value })
    } catch (error) {
      notices.error(error)
    } finally {
      evaluating.value = false
    }
  }

  /** Makes exactly these runs the members and evaluates them (from the Runs tab). */
  async function evaluateRuns(runIds: readonly string[]): Promise<void> {
    selected.value = [...runIds]
    result.value = null
    await evaluate()
  }

  /** Keeps the member list current: trials and new runs appear as they are recorded. */
  function load(): void {
    runs.listen()
    void runs.refresh()
  }

  return {
    load,
    selected,
    result,
    evaluating,
    candidates,
    canEvaluate,
    toggle,
    evaluate,
    evaluateRuns
  }
})
