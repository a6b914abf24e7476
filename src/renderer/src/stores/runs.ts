import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DamagedRun, ExportKind, ExportedFile, RunRecord } from '../../../shared/contract'
import { translate } from '../i18n'
import { lab } from '../api/lab'
import { useNoticesStore } from './notices'

/** A run has something to evaluate once training saved its model (after the first epoch). */
export function hasModel(run: RunRecord): boolean {
  return run.epochs.length > 0 && run.status !== 'running'
}

/** Every run in the lab, which ones the loss chart overlays, and what can be done to a run. */
export const useRunsStore = defineStore('runs', () => {
  const list = ref<RunRecord[]>([])
  /** Run folders whose run.json cannot be read, with the reason; they can only be deleted. */
  const damaged = ref<DamagedRun[]>([])
  const loaded = ref(false)
  /** Runs drawn in the loss overlay. */
  const compared = ref<string[]>([])
  /** The run the action bar acts on. */
  const focusedId = ref<string | null>(null)
  const notices = useNoticesStore()
  let listening = false

  /** The list is newest first, as the store on disk returns it. */
  const latestEvaluable = computed(() => list.value.find(hasModel) ?? null)
  const focused = computed(() => list.value.find((r) => r.id === focusedId.value) ?? null)
  const comparedRuns = computed(() => list.value.filter((r) => compared.value.includes(r.id)))

  async function refresh(): Promise<void> {
    try {
      ;[list.value, damaged.value] = await Promise.all([
        lab().request('runs.list', {}),
        lab().request('runs.damaged', {})
      ])
      const ids = new Set(list.value.map((r) => r.id))
      compared.value = compared.value.filter((id) => ids.has(id))
      if (!loaded.value) compared.value = list.value.slice(0, 3).map((r) => r.id)
      if (!focusedId.value || !ids.has(focusedId.value)) focusedId.value = list.value[0]?.id ?? null
      loaded.value = true
    } catch (error) {
      notices.error(error)
    }
  }

  /** Keeps the list fresh while runs train, finish, or change elsewhere (CLI, another window). */
  function listen(): void {
    if (listening) return
    listening = true
    lab().on('runs.changed', () => void refresh())
    lab().on('train.status', () => void refresh())
  }

  function toggleCompared(runId: string): void {
    compared.value = compared.value.includes(runId)
      ? compared.value.filter((id) => id !== runId)
      : [...compared.value, runId]
  }

  function focus(runId: string): void {
    focusedId.value = runId
  }

  async function rename(runId: string, name: string): Promise<boolean> {
    try {
      const record = await lab().request('runs.rename', { runId, name })
      list.value = list.value.map((r) => (r.id === runId ? record : r))
      return true
    } catch (error) {
      notices.error(error)
      return false
    }
  }

  async function remove(runId: string): Promise<void> {
    try {
      await lab().request('runs.delete', { runId })
      list.value = list.value.filter((r) => r.id !== runId)
      damaged.value = damaged.value.filter((r) => r.id !== runId)
      compared.value = compared.value.filter((id) => id !== runId)
      if (focusedId.value === runId) focusedId.value = list.value[0]?.id ?? null
    } catch (error) {
      notices.error(error)
    }
  }

  async function resume(runId: string): Promise<void> {
    try {
      await lab().request('runs.resume', { runId })
      notices.info(translate('runs.resumed'))
      await refresh()
    } catch (error) {
      notices.error(error)
    }
  }

  async function exportFiles(runId: string, kind: ExportKind): Promise<void> {
    try {
      const files = await lab().request('runs.export', { runId, kind })
      files.forEach(download)
    } catch (error) {
      notices.error(error)
    }
  }

  return {
    list,
    damaged,
    loaded,
    compared,
    comparedRuns,
    focusedId,
    focused,
    latestEvaluable,
    refresh,
    listen,
    toggleCompared,
    focus,
    rename,
    remove,
    resume,
    exportFiles
  }
})

/** The sandboxed page has no file system: the browser saves each file as a download. */
function download(file: ExportedFile): void {
  const body: BlobPart =
    file.encoding === 'base64'
      ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0))
      : file.content
  const url = URL.createObjectURL(new Blob([body], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL by now; revoking later frees the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
