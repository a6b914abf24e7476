// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { LabError, type SamplePage } from '../../../shared/contract'

/** Requests the store made, each with a hand to answer it whenever the test likes. */
interface Pending {
  name: string
  params: Record<string, unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}
const pending: Pending[] = []

vi.mock('../api/lab', () => ({
  lab: () => ({
    request: (name: string, params: Record<string, unknown>) =>
      new Promise((resolve, reject) => pending.push({ name, params, resolve, reject })),
    on: () => () => undefined
  })
}))

const { useExploreStore } = await import('./explore')
const { useDatasetsStore } = await import('./datasets')
const { useNoticesStore } = await import('./notices')

function page(n: number): SamplePage {
  return { total: 100, page: n, pageSize: 25, items: [{ index: n * 25, label: 1, pixels: [] }] }
}

function take(name: string): Pending {
  const index = pending.findIndex((p) => p.name === name)
  if (index < 0) throw new Error(`no pending ${name}`)
  return pending.splice(index, 1)[0]
}

describe('explore store', () => {
  beforeEach(() => {
    pending.length = 0
    setActivePinia(createPinia())
  })

  it('keeps the newest page when an older answer arrives late', async () => {
    const explore = useExploreStore()
    explore.setPage(1)
    explore.setPage(2)
    const second = take('explore.samples')
    const third = take('explore.samples')
    expect(third.params.page).toBe(2)
    third.resolve(page(2))
    second.resolve(page(1))
    await new Promise((r) => setTimeout(r, 0))
    expect(explore.samples?.page).toBe(2)
    expect(explore.enlarged?.index).toBe(50)
    expect(explore.loading.samples).toBe(false)
  })

  it('drops answers for a dataset the learner has left', async () => {
    const explore = useExploreStore()
    const datasets = useDatasetsStore()
    explore.setPage(0)
    const old = take('explore.samples')
    datasets.select('fashion-local')
    await new Promise((r) => setTimeout(r, 0))
    old.resolve(page(0))
    await new Promise((r) => setTimeout(r, 0))
    expect(explore.samples).toBeNull()
    expect(take('explore.facts').params.datasetId).toBe('fashion-local')
  })

  it('a failed import reports the error and keeps the previous dataset', async () => {
    const datasets = useDatasetsStore()
    const notices = useNoticesStore()
    const done = datasets.importFolder({ dir: '/broken', name: 'Broken' })
    expect(datasets.importing).toBe(true)
    take('datasets.import').reject(new LabError('dataset_invalid', 'train-images is truncated'))
    expect(await done).toBe(false)
    expect(datasets.selectedId).toBe('mnist-sample')
    expect(datasets.importError).toBe('train-images is truncated')
    expect(datasets.importing).toBe(false)
    expect(notices.items.map((n) => n.kind)).toEqual(['error'])
  })
})
