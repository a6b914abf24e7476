import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OverfitBatchResult } from '../../../shared/contract'
import { defaultModelSpec } from '../../../shared/model-summary'
import type { HostContext } from '../context'
import { testHostContext } from '../testing/host-context'
import { overfitHandlers } from './overfit'

/**
 * The host side of the Overfit tab: what lands in <home>/checks/, and the job
 * policy. The engine is a double answering with fixed results.
 */
let home: string
let ctx: HostContext
let batchResult: OverfitBatchResult | null
let release: () => void = () => undefined

const key = { datasetId: 'mnist-sample', model: defaultModelSpec, scaling: 'unit' as const }
const batchParams = { ...key, seed: 1, batchSize: 32, steps: 500, learningRate: 0.001 }
const passed: OverfitBatchResult = {
  finalLoss: 0.0009,
  steps: 120,
  passed: true,
  indices: [],
  labels: [],
  curve: [
    { step: 1, loss: 2.3 },
    { step: 120, loss: 0.0009 }
  ],
  predictions: [],
  diagnostics: [],
  warnings: []
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'mnist-lab-host-overfit-'))
  batchResult = passed
  ctx = testHostContext(home, async (method) => {
    if (method === 'overfit.batch') {
      await new Promise<void>((resolve) => (release = resolve))
      return batchResult
    }
    if (method === 'overfit.checkInit') {
      return { initialLoss: 2.31, expected: Math.log(10), ok: true, images: 1000, logitSpread: 0.2 }
    }
    throw new Error(`unexpected ${method}`)
  }).ctx
})
afterEach(async () => {
  await rm(home, { recursive: true, force: true })
})

async function overfit(): Promise<OverfitBatchResult | null> {
  const pending = overfitHandlers['overfit.batch'](batchParams, ctx)
  await new Promise((resolve) => setTimeout(resolve, 0))
  release()
  return pending
}

describe('overfit host handlers', () => {
  it('keeps the checks on disk per dataset and model, and reads them back', async () => {
    await overfitHandlers['overfit.checkInit']({ ...key, seed: 1 }, ctx)
    await overfit()
    const files = await readdir(join(home, 'checks', 'mnist-sample'))
    expect(files).toHaveLength(1)
    const checks = await overfitHandlers['overfit.checks'](key, ctx)
    expect(checks).toMatchObject({
      schemaVersion: 1,
      datasetId: 'mnist-sample',
      init: { initialLoss: 2.31, ok: true },
      oneBatch: { batchSize: 32, passed: true, steps: 120, finalLoss: 0.0009 }
    })
    // Another model has checks of its own, unless the newest of the dataset is asked for.
    const other = { ...key, model: { kind: 'mlp' as const, hidden: [] } }
    expect(await overfitHandlers['overfit.checks'](other, ctx)).toBeNull()
    expect(
      await overfitHandlers['overfit.checks']({ ...other, orNewest: true }, ctx)
    ).toMatchObject({
      oneBatch: { passed: true }
    })
  })

  it('records nothing for a one-batch overfit that was stopped', async () => {
    batchResult = null
    expect(await overfit()).toBeNull()
    await expect(readdir(join(home, 'checks'))).rejects.toThrow()
    expect(await overfitHandlers['overfit.checks'](key, ctx)).toBeNull()
  })

  it('runs one job at a time: a second overfit is refused while the first runs', async () => {
    const first = overfitHandlers['overfit.batch'](batchParams, ctx)
    await expect(overfitHandlers['overfit.batch'](batchParams, ctx)).rejects.toMatchObject({
      code: 'job_running',
      message: expect.stringContaining('a one-batch overfit is running')
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    release()
    await first
    expect(ctx.jobs.running()).toBeNull()
  })
})
