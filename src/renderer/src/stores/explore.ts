import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type {
  ClassImages,
  DatasetFacts,
  DigitSample,
  SamplePage,
  Scaling,
  ScalingReport,
  Split
} from '../../../shared/contract'
import { lab } from '../api/lab'
import { useDatasetsStore } from './datasets'
import { useNoticesStore } from './notices'

/** 5x5, as the seed notebook shows its first examples. */
export const samplePageSize = 25

/**
 * What the Explore tab shows of the selected dataset. Each part counts its
 * requests and keeps only the newest answer, so a slow reply for a page or a
 * dataset the learner has already left never overwrites the current one.
 */
export const useExploreStore = defineStore('explore', () => {
  const datasets = useDatasetsStore()
  const notices = useNoticesStore()

  const facts = ref<DatasetFacts | null>(null)
  const samples = ref<SamplePage | null>(null)
  const split = ref<Split>('train')
  const classFilter = ref<number | null>(null)
  const page = ref(0)
  const enlarged = ref<DigitSample | null>(null)
  const oneHotLabel = ref(0)
  const scalingReport = ref<ScalingReport | null>(null)
  const classImages = ref<ClassImages | null>(null)
  const loading = ref({ facts: false, samples: false, scaling: false, classImages: false })

  const classNames = computed(() => facts.value?.classNames ?? datasets.selected?.classNames ?? [])

  type Part = keyof typeof loading.value
  const latest: Record<Part, number> = { facts: 0, samples: 0, scaling: 0, classImages: 0 }

  /** Runs `ask` for the current dataset and stores the answer only if no newer ask followed. */
  async function fetchFor<T>(
    part: Part,
    ask: (datasetId: string) => Promise<T>,
    store: (value: T) => void
  ): Promise<void> {
    const mine = ++latest[part]
    loading.value[part] = true
    try {
      const value = await ask(datasets.selectedId)
      if (latest[part] === mine) store(value)
    } catch (error) {
      if (latest[part] === mine) notices.error(error)
    } finally {
      if (latest[part] === mine) loading.value[part] = false
    }
  }

  function loadFacts(): Promise<void> {
    return fetchFor(
      'facts',
      (datasetId) => lab().request('explore.facts', { datasetId }),
      (value) => (facts.value = value)
    )
  }

  function loadSamples(): Promise<void> {
    const query = { split: split.value, classFilter: classFilter.value, page: page.value }
    return fetchFor(
      'samples',
      (datasetId) =>
        lab().request('explore.samples', { datasetId, ...query, pageSize: samplePageSize }),
      (value) => {
        samples.value = value
        // The enlarged digit follows the page: the first of the new page, or none.
        enlarged.value = value.items[0] ?? null
      }
    )
  }

  function loadScaling(): Promise<void> {
    const scaling = datasets.scaling
    return fetchFor(
      'scaling',
      (datasetId) => lab().request('explore.scaling', { datasetId, scaling }),
      (value) => (scalingReport.value = value)
    )
  }

  function loadClassImages(): Promise<void> {
    return fetchFor(
      'classImages',
      (datasetId) => lab().request('explore.classImages', { datasetId }),
      (value) => (classImages.value = value)
    )
  }

  /** Everything for the selected dataset. Facts first: the engine loads the files once for all. */
  async function load(): Promise<void> {
    await loadFacts()
    await Promise.all([loadSamples(), loadScaling(), loadClassImages()])
  }

  function reset(): void {
    // Answers still on their way belong to the dataset being left.
    for (const part of Object.keys(latest) as Part[]) latest[part] += 1
    loading.value = { facts: false, samples: false, scaling: false, classImages: false }
    facts.value = null
    samples.value = null
    enlarged.value = null
    scalingReport.value = null
    classImages.value = null
    classFilter.value = null
    page.value = 0
    oneHotLabel.value = 0
  }

  watch(
    () => datasets.selectedId,
    () => {
      reset()
      void load()
    }
  )

  function setSplit(next: Split): void {
    split.value = next
    page.value = 0
    void loadSamples()
  }

  function setClassFilter(next: number | null): void {
    classFilter.value = next
    page.value = 0
    void loadSamples()
  }

  function setPage(next: number): void {
    page.value = Math.max(0, next)
    void loadSamples()
  }

  function enlarge(sample: DigitSample): void {
    enlarged.value = sample
  }

  function setScaling(next: Scaling): void {
    datasets.scaling = next
    void loadScaling()
  }

  return {
    facts,
    samples,
    split,
    classFilter,
    page,
    enlarged,
    oneHotLabel,
    scalingReport,
    classImages,
    loading,
    classNames,
    load,
    setSplit,
    setClassFilter,
    setPage,
    enlarge,
    setScaling
  }
})
