import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  toErrorInfo,
  type DatasetSummary,
  type DownloadProgressEvent,
  type RequestParams,
  type Scaling
} from '../../../shared/contract'
import { lab } from '../api/lab'
import { errorText } from '../i18n/errors'
import { useNoticesStore } from './notices'

/** The datasets the lab knows, the one the learner works on, and the scaling chosen in Explore. */
export const useDatasetsStore = defineStore('datasets', () => {
  const list = ref<DatasetSummary[]>([])
  const selectedId = ref('mnist-sample')
  /** Chosen in Explore's scaling panel; Train starts from it. */
  const scaling = ref<Scaling>('unit')
  /** Latest progress of each download in flight, by dataset id. */
  const downloads = ref<Record<string, DownloadProgressEvent | null>>({})
  const importing = ref(false)
  /** The last import's failure, shown beside the form until the next attempt. */
  const importError = ref<string | null>(null)
  const notices = useNoticesStore()

  const selected = computed(() => list.value.find((d) => d.id === selectedId.value) ?? null)
  const ready = computed(() => list.value.filter((d) => d.state === 'ready'))

  async function refresh(): Promise<void> {
    try {
      list.value = await lab().request('datasets.list', {})
    } catch (error) {
      notices.error(error)
    }
  }

  function select(id: string): void {
    selectedId.value = id
  }

  let listening = false
  /** Progress events arrive for downloads started anywhere (another window, the CLI). */
  function listen(): void {
    if (listening) return
    listening = true
    lab().on('dataset.downloadProgress', (event) => {
      downloads.value = { ...downloads.value, [event.id]: event }
    })
  }

  async function download(id: string): Promise<void> {
    if (id in downloads.value) return
    downloads.value = { ...downloads.value, [id]: null }
    list.value = list.value.map((d) => (d.id === id ? { ...d, state: 'downloading' } : d))
    try {
      await lab().request('datasets.download', { id })
      selectedId.value = id
    } catch (error) {
      // A cancel is the learner's own choice: say so, but not as a failure.
      if (toErrorInfo(error).code === 'cancelled') notices.info(errorText(error))
      else notices.error(error)
    } finally {
      const rest = { ...downloads.value }
      delete rest[id]
      downloads.value = rest
      await refresh()
    }
  }

  async function cancelDownload(id: string): Promise<void> {
    try {
      await lab().request('datasets.cancelDownload', { id })
    } catch (error) {
      notices.error(error)
    }
  }

  /** Imports a folder; on failure the previous dataset stays selected. */
  async function importFolder(params: RequestParams<'datasets.import'>): Promise<boolean> {
    importing.value = true
    importError.value = null
    try {
      const summary = await lab().request('datasets.import', params)
      await refresh()
      selectedId.value = summary.id
      return true
    } catch (error) {
      importError.value = errorText(error)
      notices.error(error)
      return false
    } finally {
      importing.value = false
    }
  }

  return {
    list,
    selectedId,
    scaling,
    downloads,
    importing,
    importError,
    selected,
    ready,
    refresh,
    select,
    listen,
    download,
    cancelDownload,
    importFolder
  }
})
