import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { LabError, type SearchRecord } from '../../../shared/contract'
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
  /** Every search on disk, newest first: the interrupted ones can be resumed. */
  const searches = shallowRef<SearchRecord[]>([])
  const interrupted = computed(() => searches.value.filter((s) => s.status === 'interrupted'))
  const starting = ref(false)
  const running = computed(() => starting.value || record.value?.status === 'running')
  const canStart = computed(
    () => !running.value && parsed.value.request !== null && training.form.config !== null
  )

  /** Reads the list again; a search that runs (say, after a reload) becomes the one shown. */
  async function loadSearches(): Promise<void> {
    try {
      searches.value = await lab().request('search.list', {})
      const live = searches.value.find((s) => s.status === 'running')
      if (live && (!record.value || record.value.status !== 'running')) record.value = live
    } catch (error) {
      notices.error(error)
    }
  }

  let listening = false
  function listen(): void {
    void loadSearches()
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
      void loadSearches()
      if (event.status === 'failed' && event.message) {
        notices.error(new LabError('training_failed', event.message, event.text))
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

  /** Continues a search cut off by a quit or crash; its finished trials are kept. */
  async function resume(searchId: string): Promise<void> {
    if (running.value) return
    listen()
    starting.value = true
    try {
      await lab().request('search.resume', { searchId })
      record.value = await lab().request('search.get', { searchId })
      await loadSearches()
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

  return {
    draft,
    parsed,
    record,
    interrupted,
    running,
    canStart,
    listen,
    start,
    resume,
    trainBest
  }
})
