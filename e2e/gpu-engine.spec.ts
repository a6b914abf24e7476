/**
 * The GPU engine (WebGPU, WebGL in headless Chromium) driven through LabHost,
 * on SwiftShader: a software adapter, allowed explicitly, as no GPU is here.
 * Small MLP runs only: the CNN trains at 10-50 images/s on SwiftShader.
 */
import { join } from 'node:path'
import type { AnyLabEvent, BackendChoice, EpochMetrics, RunStatus } from '../src/shared/contract'
import { seedTrainConfig } from '../src/shared/train-defaults'
import type { LabHost } from '../src/main/lab/host'
import { createNodeHost } from '../src/main/lab/node-launch'
import { test, expect } from './fixtures'

const bundleDir = join(__dirname, '..', process.env.LAB_OUT_DIR ?? 'out', 'main')

async function withHost<T>(
  home: string,
  allowSoftwareGpu: boolean,
  use: (host: LabHost) => Promise<T>
): Promise<T> {
  const host = createNodeHost({ home, bundleDir, allowSoftwareGpu })
  await host.start()
  try {
    return await use(host)
  } finally {
    await host.stop()
  }
}

async function ask<T>(host: LabHost, name: string, params: unknown): Promise<T> {
  const response = await host.handle(name, params)
  if (!response.ok) throw new Error(`${name}: ${response.error.message}`)
  return response.value as T
}

interface Trained {
  epochs: EpochMetrics[]
  /** tf.memory().numTensors of the engine as each epoch was reported (the last may come after the end). */
  tensorsPerEpoch: number[]
  /** tf.memory().numTensors once the run has ended. */
  tensorsAfter: number | null
  status: RunStatus
}

/** Trains the seed MLP for three epochs on the sample and waits for the end. */
async function train(host: LabHost, backend: BackendChoice): Promise<Trained> {
  const epochs: EpochMetrics[] = []
  const memory: Promise<number>[] = []
  let runId = ''
  const ended = new Promise<RunStatus>((resolve) => {
    host.onEvent((event: AnyLabEvent) => {
      if (event.name === 'train.epoch' && event.payload.runId === runId) {
        epochs.push(event.payload)
        const gpu = host.context.gpu.client
        if (gpu?.info) {
          memory.push(gpu.request('engine.memory', {}).then((m) => m.numTensors))
        }
      }
      if (event.name === 'train.status' && event.payload.runId === runId) {
        const status = event.payload.status
        if (status !== 'running' && status !== 'paused') resolve(status)
      }
    })
  })
  const config = seedTrainConfig({ epochs: 3, backend, seed: 7 })
  ;({ runId } = await ask<{ runId: string }>(host, 'train.start', { config }))
  const status = await ended
  const gpu = host.context.gpu.client
  const tensorsAfter = gpu?.info ? (await gpu.request('engine.memory', {})).numTensors : null
  return { epochs, tensorsPerEpoch: await Promise.all(memory), tensorsAfter, status }
}

test('the seed MLP trains on WebGPU and WebGL (SwiftShader) as it does on wasm, without leaking GPU memory', async ({
  homeDir
}) => {
  test.setTimeout(600_000)
  await withHost(homeDir, true, async (host) => {
    const reference = await train(host, 'wasm')
    expect(reference.status).toBe('completed')
    for (const backend of ['webgl', 'webgpu'] as const) {
      const info = await ask<{
        backend: string
        adapter?: { software: boolean; architecture: string }
        attempts: { backend: string; loaded: boolean; reason?: string }[]
      }>(host, 'system.setBackend', { backend })
      expect(info.backend).toBe(backend)
      // The Node engine, which still explores and evaluates, keeps its lines beside the GPU's.
      const nodeLines = info.attempts.filter((a) => a.backend === 'wasm' || a.backend === 'cpu')
      expect(nodeLines.length, JSON.stringify(info.attempts)).toBeGreaterThan(0)
      expect(nodeLines.every((a) => a.reason)).toBe(true)
      expect(info.adapter?.software, 'SwiftShader is marked as a software adapter').toBe(true)
      const run = await train(host, backend)
      expect(run.status, `${backend} run`).toBe('completed')
      expect(Math.abs(run.epochs[0]!.trainLoss - reference.epochs[0]!.trainLoss)).toBeLessThan(1e-3)
      expect(run.epochs.at(-1)!.testAccuracy).toBeGreaterThanOrEqual(0.9)
      // Epochs hold the same tensors (nothing piles up on the GPU), and the end frees them all.
      const [first, second] = run.tensorsPerEpoch
      expect(first, `tensors per epoch: ${run.tensorsPerEpoch.join(', ')}`).toBeGreaterThan(0)
      expect(second).toBe(first)
      expect(run.tensorsAfter).toBe(0)
    }
  })
})

test('a software adapter is refused unless allowed, with the reason, never swapped for another backend', async ({
  homeDir
}) => {
  await withHost(homeDir, false, async (host) => {
    const refused = await host.handle('system.setBackend', { backend: 'webgpu' })
    expect(refused.ok).toBe(false)
    if (!refused.ok)
      expect(refused.error.message).toMatch(/webgpu is not available here: .*software adapter/)
    const start = await host.handle('train.start', {
      config: seedTrainConfig({ epochs: 1, backend: 'webgl', trainFraction: 0.1 })
    })
    expect(start.ok).toBe(false)
    if (!start.ok) expect(start.error.message).toMatch(/webgl is not available here/)
  })
})

test('Chromium killed mid-run: the run is interrupted and resumable, and the Node engine trains the next run', async ({
  homeDir
}) => {
  test.setTimeout(300_000)
  await withHost(homeDir, true, async (host) => {
    const statuses: {
      runId: string
      status: RunStatus
      message?: string
      text?: { key: string; params?: Record<string, unknown> }
    }[] = []
    const firstBatch = new Promise<void>((resolve) =>
      host.onEvent((event) => {
        if (event.name === 'train.batch') resolve()
        if (event.name === 'train.status') statuses.push(event.payload)
      })
    )
    const { runId } = await ask<{ runId: string }>(host, 'train.start', {
      config: seedTrainConfig({ epochs: 3, backend: 'webgl' })
    })
    await firstBatch
    process.kill(host.context.gpu.client!.pid!, 'SIGKILL')
    await expect
      .poll(() => statuses.find((s) => s.runId === runId && s.status === 'interrupted'))
      .toBeTruthy()
    const lost = statuses.find((s) => s.status === 'interrupted')!
    expect(lost.message).toContain('GPU engine (Chromium) stopped unexpectedly')
    expect(lost.message).toContain('can resume')
    // The app words it whole in the chosen language: the GPU engine's stop is a message of its own.
    expect(lost.text).toMatchObject({
      key: expect.stringMatching(/^train\.outcome\.gpuLost\./) as unknown,
      params: { why: { key: 'gpu.errors.stopped' } }
    })
    const record = await ask<{ status: RunStatus }>(host, 'runs.get', { runId })
    expect(record.status).toBe('interrupted')

    const next = await train(host, 'wasm')
    expect(next.status).toBe('completed')
  })
})
