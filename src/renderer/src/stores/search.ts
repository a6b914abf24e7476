import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { SearchRecord } from '../../../shared/contract'
import { lab } from '../api/lab'
import { useNavigationStore } from './navigation'
import { useNoticesStore } from './notices'
import { defaultSearchDraft, draftsOf, parseSearchDraft, type SearchDraft } from './search-form'
import { useTrainingStore } from './training'

/**
 * The Tune tab's search: the form, the running or last search (re-read from the
 * lab whenever a trial reports, so the table shows exactly what is on disk),
 * and training its best configuration fully.
 */
export const useSearchStore = defineStore('search', () => {
  const training = useTrainingStore()
  const notices = useNoticesStore()
  const navigation = useNavigationStore()

  const draft = ref<SearchDraft>(defaultSearchDraft(navigator.hardwareConcurrency || 2))
  const parsed = computed(() => parseSearchDraft(draft.value))
  const record = shallowRef<SearchRecord | null>(null)
  const starting = ref(false)
  const running = computed(() => starting.value || record.value?.status === 'running')
  const canStart = computed(
    () => !running.value && parsed.value.request !== null && training.form.config !== null
  )

  let listening = false
  function listen(): void {
    if (listening) return
    listening = true
    const refresh = (searchId: string): void => {
      if (record.value && record.value.id !== searchId) return
      void lab()
        .request('search.get', { searchId })
        .then((next) => {
          if (!record.value || record.value.id === next.id) record.value = next
        })
        .catch((error: unknown) => notices.error(error))
    }
    lab().on('search.trial', (event) => refresh(event.searchId))
    lab().on('search.status', (event) => {
      refresh(event.searchId)
      if (event.status === 'failed' && event.message) {
        notices.error(new Error(event.message))
      }
    })
  }

  async function start(): Promise<void> {
    const request = parsed.value.request
    const base = training.form.config
    if (!request || !base || running.value) return
    listen()
    starting.value = true
    try {
      const { searchId } = await lab().request('search.start', { ...request, base })
      record.value = await lab().request('search.get', { searchId })
    } catch (error) {
      notices.error(error)
    } finally {
      starting.value = false
    }
  }

  /** The best trial's configuration at its full epoch budget, as a normal run from Train. */
  async function trainBest(): Promise<void> {
    const best = record.value?.best
    if (!best) return
    const drafts = draftsOf(best.config, training.hyper, training.model)
    training.model = drafts.model
    training.hyper = drafts.hyper
    navigation.go('Train')
    await training.start({ searchId: record.value!.id, trial: best.trial })
  }

  return { draft, parsed, record, running, canStart, listen, start, trainBest }
})
