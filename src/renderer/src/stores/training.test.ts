// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { DatasetSummary, EventName, LabEvents } from '../../../shared/contract'

/** A LabApi stand-in: requests answered by the test, events fired by hand. */
const fake = vi.hoisted(() => {
  const listeners = new Map<string, ((payload: unknown) => void)[]>()
  return {
    listeners,
    request: vi.fn<(name: string, params: unknown) => Promise<unknown>>(),
    fire(name: string, payload: unknown): void {
      for (const listener of listeners.get(name) ?? []) listener(payload)
    }
  }
})

vi.mock('../api/lab', () => ({
  lab: () => ({
    request: fake.request,
    on: (name: string, listener: (payload: unknown) => void) => {
      fake.listeners.set(name, [...(fake.listeners.get(name) ?? []), listener])
      return () => undefined
    }
  })
}))

const { useTrainingStore } = await import('./training')
const { useDatasetsStore } = await import('./datasets')

function fire<E extends EventName>(name: E, payload: LabEvents[E]): void {
  fake.fire(name, payload)
}

const sample = { id: 'mnist-sample', state: 'ready' } as DatasetSummary
const batch = (step: number, loss: number) => ({
  runId: 'run-1',
  epoch: 1,
  batch: step,
  batchesPerEpoch: 32,
  step,
  loss,
  samplesPerSecond: 1000,
  etaSeconds: 10
})

describe('training store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fake.listeners.clear()
    fake.request.mockReset()
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => callback())
    useDatasetsStore().list = [sample]
  })

  it('keeps events that arrive before train.start answers', async () => {
    const training = useTrainingStore()
    let answer: (value: unknown) => void = () => undefined
    fake.request.mockImplementation((name) =>
      name === 'train.start' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve([])
    )
    const started = training.start()
    fire('train.status', { runId: 'run-1', status: 'running' })
    fire('train.batch', batch(1, 2.31))
    fire('train.batch', { ...batch(1, 9.9), runId: 'someone-else' })
    answer({ runId: 'run-1' })
    await started
    expect(training.runId).toBe('run-1')
    expect(training.phase).toBe('running')
    expect(training.firstLoss).toEqual({ loss: 2.31, step: 1 })
    expect(training.series.batchLoss.count).toBe(1)
    expect(fake.request).toHaveBeenCalledWith(
      'train.start',
      expect.objectContaining({ config: expect.objectContaining({ epochs: 2, batchSize: 256 }) })
    )
  })

  it('follows pause, resume, epochs and completion; a later engine crash leaves the finished run be', async () => {
    const training = useTrainingStore()
    fake.request.mockImplementation(async (name) =>
      name === 'train.start'
        ? { runId: 'run-1' }
        : name === 'train.pause'
          ? { status: 'paused' }
          : []
    )
    await training.start()
    fire('train.batch', batch(5, 1.2))
    await training.pause()
    expect(training.phase).toBe('paused')
    expect(fake.request).toHaveBeenCalledWith('train.pause', { runId: 'run-1' })
    fire('train.status', { runId: 'run-1', status: 'running' })
    expect(training.phase).toBe('running')
    fire('train.epoch', {
      runId: 'run-1',
      epoch: 1,
      trainLoss: 0.8,
      trainAccuracy: 0.78,
      trainMeasured: 8000,
      runningLoss: 1,
      runningAccuracy: 0.7,
      testLoss: 0.9,
      testAccuracy: 0.75,
      seconds: 1,
      samplesPerSecond: 8000
    })
    expect(training.series.testLoss).toEqual([{ x: 32, y: 0.9 }])
    // The measured train loss and the running mean are drawn as two series.
    expect(training.series.trainLoss).toEqual([{ x: 32, y: 0.8 }])
    expect(training.series.runningLoss).toEqual([{ x: 32, y: 1 }])
    expect(training.epochs.map((e) => e.testAccuracy)).toEqual([0.75])
    fire('train.status', { runId: 'run-1', status: 'completed', backend: 'cpu' })
    expect(training.phase).toBe('completed')
    expect(training.backend).toBe('cpu')
    expect(training.canStart).toBe(true)
    fire('engine.status', { state: 'crashed', message: 'The engine process stopped unexpectedly.' })
    expect(training.phase).toBe('completed')
  })

  it('reports an engine crash during a run as interrupted, and may start again', async () => {
    const training = useTrainingStore()
    fake.request.mockImplementation(async (name) =>
      name === 'train.start' ? { runId: 'run-1' } : []
    )
    await training.start()
    expect(training.canStart).toBe(false)
    fire('engine.status', { state: 'crashed', message: 'The engine process stopped unexpectedly.' })
    expect(training.phase).toBe('interrupted')
    expect(training.message).toContain('stopped unexpectedly')
    expect(training.canStart).toBe(true)
  })

  it('reports a refused start and goes back to idle', async () => {
    const training = useTrainingStore()
    fake.request.mockImplementation(async (name) => {
      if (name === 'train.start') throw new Error('Run x is training.')
      return []
    })
    await training.start()
    expect(training.phase).toBe('idle')
    const { useNoticesStore } = await import('./notices')
    expect(useNoticesStore().items.map((n) => n.text)).toContain('Run x is training.')
  })
})
