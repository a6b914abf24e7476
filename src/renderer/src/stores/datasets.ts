import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DatasetSummary, Scaling } from '../../../shared/contract'
import { lab } from '../api/lab'
import { useNoticesStore } from './notices'

/** The datasets the lab knows, the one the learner works on, and the scaling chosen in Explore. */
export const useDatasetsStore = defineStore('datasets', () => {
  const list = ref<DatasetSummary[]>([])
  const selectedId = ref('mnist-sample')
  /** Chosen in Explore's scaling panel; Train starts from it. */
  const scaling = ref<Scaling>('unit')
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

  return { list, selectedId, scaling, selected, ready, refresh, select }
})
