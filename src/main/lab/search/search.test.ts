/**
 * The search end to end: a real LabHost, its engine and a pool of real engine
 * processes, on small slices of the bundled sample.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  defaultSearchSpace,
  type LabResponse,
  type RequestName,
  type SearchRecord,
  type SearchSpace
} from '../../../shared/contract'
import { seedTrainConfig } from '../../../shared/train-defaults'
import { LabHost } from '../host'
import { killAll, liveChildren } from '../testing/child-processes'
import { realEngineLauncher, repoResourcesDir } from '../testing/real-engine'

const home = mkdtempSync(join(tmpdir(), 'lab-search-'))
const host = new LabHost({
  home,
  resourcesDir: repoResourcesDir,
  appVersion: '0.0.0-test',
  launcher: realEngineLauncher(),
  backend: 'wasm'
})

beforeAll(() => host.start())
afterAll(async () => {
  await host.stop()
  rmSync(home, { recursive: true, force: true })
})

async function ask<T>(name: RequestName, params: unknown): Promise<T> {
  const response = (await host.handle(name, params)) as LabResponse<RequestName>
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`)
  return response.value as T
}

/** Resolves with the search record once its status event says it ended. */
function searchEnd(searchId: () => string | null): Promise<SearchRecord> {
  return new Promise((resolve) => {
    const off = host.onEvent((event) => {
      if (event.name !== 'search.status' || event.payload.searchId !== searchId()) return
      if (event.payload.status === 'running') return
      off()
      void ask<SearchRecord>('search.get', { searchId: searchId() }).then(resolve)
    })
  })
}

async function search(params: Record<string, unknown>): Promise<SearchRecord> {
  let id: string | null = null
  const ended = searchEnd(() => id)
  id = (await ask<{ searchId: string }>('search.start', params)).searchId
  return ended
}

const smallBase = seedTrainConfig({ trainFraction: 0.15, backend: 'wasm' })
/** A space with a wide learning-rate range, so trials differ clearly after an epoch. */
const wideSpace: SearchSpace = {
  ...defaultSearchSpace,
  learningRate: { min: 1e-5, max: 1e-2 },
  batchSize: [64, 128],
  model: { kind: 'mlp', widths: [32, 64], depths: [1, 2] },
  schedule: ['constant']
}

describe('a hyperparameter search', () => {
  it('stops the weaker half at each rung: with 4 epochs and rungs after 1 and 2, half stop at the first, the weakest', async () => {
    const record = await search({
      base: smallBase,
      space: wideSpace,
      trials: 8,
      epochs: 4,
      parallel: 2,
      seed: 3
    })
    expect(record.status).toBe('completed')
    expect(record.rungs).toEqual([1, 2])
    const atFirst = record.trialRecords.filter((t) => t.stoppedAtRung === 1)
    const onward = record.trialRecords.filter((t) => t.stoppedAtRung !== 1)
    expect(atFirst.length).toBeGreaterThanOrEqual(4)
    const weakestOnward = Math.min(...onward.map((t) => t.scores[0]!))
    for (const t of atFirst) expect(t.scores[0]!).toBeLessThanOrEqual(weakestOnward)
    expect(record.trialRecords.filter((t) => t.status === 'completed').length).toBe(2)
    // Every trial is a run of its own, grouped under the search.
    for (const t of record.trialRecords) {
      const run = await ask<{ search?: { searchId: string; trial: number } }>('runs.get', {
        runId: t.runId
      })
      expect(run.search).toEqual({ searchId: record.id, trial: t.trial })
    }
    // Judged on validation; the test split is looked at once, for the best trial.
    expect(record.best?.validationAccuracy).toBe(
      Math.max(
        ...record.trialRecords
          .filter((t) => t.status === 'completed')
          .map((t) => t.validationAccuracy!)
      )
    )
    expect(record.bestTestAccuracy).toBeGreaterThan(0.5)
  }, 300_000)

  it('resumes an interrupted search where it stopped, keeping the trials already done', async () => {
    const first = await search({
      base: smallBase,
      space: wideSpace,
      trials: 3,
      epochs: 1,
      parallel: 1,
      seed: 9
    })
    expect(first.status).toBe('completed')
    // As if the lab had quit while trial 3 was training: its state on disk says running.
    const file = join(home, 'searches', first.id, 'search.json')
    const cut = JSON.parse(await readFile(file, 'utf8')) as SearchRecord
    cut.status = 'running'
    cut.best = null
    cut.bestTestAccuracy = null
    cut.trialRecords[2] = {
      ...cut.trialRecords[2]!,
      status: 'pending',
      runId: null,
      epochs: 0,
      scores: [],
      validationAccuracy: null
    }
    await writeFile(file, JSON.stringify(cut))
    // No search runs in this lab, so the one whose file says running was cut off.
    const seen = await ask<SearchRecord[]>('search.list', {})
    expect(seen.find((s) => s.id === first.id)?.status).toBe('interrupted')

    const ended = searchEnd(() => first.id)
    await ask('search.resume', { searchId: first.id })
    const resumed = await ended
    expect(resumed.status).toBe('completed')
    expect(resumed.trialRecords.slice(0, 2)).toEqual(first.trialRecords.slice(0, 2))
    expect(resumed.trialRecords[2]!.status).toBe('completed')
    expect(resumed.trialRecords[2]!.runId).not.toBe(first.trialRecords[2]!.runId)
    expect(resumed.trialRecords[2]!.config).toEqual(first.trialRecords[2]!.config)
  }, 300_000)

  it('finds a configuration at least 1 point better on validation than the seed default, at the same epoch budget', async () => {
    const base = seedTrainConfig({ backend: 'wasm' })
    // A space holding the seed's configuration only: it is judged on the same held-out split.
    const seedOnly: SearchSpace = {
      learningRate: { min: base.learningRate, max: base.learningRate },
      batchSize: [base.batchSize],
      model: { kind: 'mlp', widths: [64], depths: [3] },
      dropout: { min: 0, max: 0 },
      l2: [0],
      optimizer: ['adam'],
      schedule: ['constant']
    }
    const seed = await search({
      base,
      space: seedOnly,
      trials: 1,
      epochs: 2,
      parallel: 1,
      seed: 42
    })
    const tuned = await search({
      base,
      space: defaultSearchSpace,
      trials: 8,
      epochs: 2,
      parallel: 2,
      seed: 42
    })
    expect(seed.trialRecords[0]!.config).toMatchObject({
      learningRate: 0.001,
      batchSize: 256,
      l2: 0
    })
    expect(tuned.best!.validationAccuracy - seed.best!.validationAccuracy).toBeGreaterThanOrEqual(
      0.01
    )
  }, 600_000)

  it('loses only the trial in flight when a trial engine is killed: it resumes from its checkpoint', async () => {
    let id: string | null = null
    const ended = searchEnd(() => id)
    let killed: number[] = []
    /** Kills the pool engine: every live child that is not the host's engine. */
    const killTrialEngine = (): void => {
      killed = killAll(liveChildren(process.pid, host.engine.info?.pid))
    }
    id = (
      await ask<{ searchId: string }>('search.start', {
        base: { ...smallBase, trainFraction: 1, batchSize: 32 },
        space: { ...wideSpace, batchSize: [32] },
        trials: 1,
        // Enough epochs that the kill lands while the trial still trains, not after it
        // (a trial already done leaves only the final evaluation to be retried).
        epochs: 12,
        parallel: 1,
        seed: 5
      })
    ).searchId
    // Once the trial has a checkpoint (an epoch done), its engine dies.
    let epochsAtKill = 0
    await vi.waitFor(
      async () => {
        const now = await ask<SearchRecord>('search.get', { searchId: id })
        epochsAtKill = now.trialRecords[0]!.epochs
        expect(epochsAtKill).toBeGreaterThanOrEqual(1)
      },
      { timeout: 120_000, interval: 50 }
    )
    killTrialEngine()
    expect(epochsAtKill, 'the trial was still training when its engine died').toBeLessThan(12)
    const record = await ended
    expect(killed.length).toBeGreaterThan(0)
    expect(record.status).toBe('completed')
    const trial = record.trialRecords[0]!
    expect(trial.status).toBe('completed')
    expect(trial.epochs).toBe(12)
    expect(trial.message, `killed ${killed.join(', ')}`).toMatch(
      /crashed; the trial resumes from its checkpoint/
    )
    expect(trial.messageText).toEqual({ key: 'tune.search.trial.crashResumed' })
  }, 300_000)

  it('holds the one job slot: a search refuses other jobs naming itself, and a running sweep refuses a search', async () => {
    let id: string | null = null
    const ended = searchEnd(() => id)
    id = (
      await ask<{ searchId: string }>('search.start', {
        base: smallBase,
        space: wideSpace,
        trials: 2,
        epochs: 1,
        parallel: 2,
        seed: 11
      })
    ).searchId
    expect((await ask<SearchRecord>('search.get', { searchId: id })).status).toBe('running')
    const naming = new RegExp(`a search is running \\(search ${id}\\)`)
    for (const [name, params] of [
      [
        'search.start',
        { base: smallBase, space: wideSpace, trials: 1, epochs: 1, parallel: 1, seed: 1 }
      ],
      ['search.resume', { searchId: id }],
      ['lr.find', { config: smallBase, steps: 20 }],
      ['train.start', { config: smallBase }]
    ] as const) {
      const refused = await host.handle(name, params)
      expect(refused, name).toMatchObject({
        ok: false,
        error: { code: 'job_running', message: expect.stringMatching(naming) }
      })
    }
    const record = await ended
    expect(record.status).toBe('completed')
    expect(host.jobs.running()).toBeNull()

    // A sweep in flight holds the slot the same way.
    const sweep = host.handle('lr.find', { config: smallBase, steps: 20 })
    const refused = await host.handle('search.start', {
      base: smallBase,
      space: wideSpace,
      trials: 1,
      epochs: 1,
      parallel: 1,
      seed: 1
    })
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'job_running',
        message: expect.stringMatching(/a learning-rate sweep is running/)
      }
    })
    expect(await sweep).toMatchObject({ ok: true })
    expect(host.jobs.running()).toBeNull()
  }, 300_000)

  it('ends a search whose trials all diverge with that message, not a crash', async () => {
    const record = await search({
      base: smallBase,
      // Rates near 10 with an L2 penalty of 1: each SGD step multiplies every weight by
      // -9 or more, so within the epoch's ~70 steps of 16 the weights overflow float32
      // and the loss turns NaN. One epoch: no rung, so no trial is stopped before it diverges.
      space: {
        ...wideSpace,
        learningRate: { min: 5, max: 10 },
        batchSize: [16],
        l2: [1],
        optimizer: ['sgd']
      },
      trials: 2,
      epochs: 1,
      parallel: 2,
      seed: 2
    })
    expect(record.trialRecords.map((t) => t.status)).toEqual(['diverged', 'diverged'])
    // Each trial says why in the table, in the chosen language.
    expect(record.trialRecords.map((t) => t.messageText)).toEqual([
      { key: 'train.outcome.diverged' },
      { key: 'train.outcome.diverged' }
    ])
    expect(record.status).toBe('failed')
    expect(record.message).toBe(
      'Every trial diverged. Lower the learning-rate range (its maximum is 10).'
    )
    // The Tune tab words the same ending from the catalogue.
    expect(record.messageText).toEqual({
      key: 'tune.search.ended.allDiverged',
      params: { max: 10 }
    })
    expect(record.best).toBeNull()
    expect(host.jobs.running()).toBeNull()
  }, 300_000)

  it('refuses an unknown search, a finished one, and a space that cannot be searched, naming the field', async () => {
    const unknown = await host.handle('search.resume', { searchId: 's-20200101-000000-abcdef' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const bad = await host.handle('search.start', {
      base: smallBase,
      space: { ...wideSpace, learningRate: { min: 0, max: 0.1 } },
      trials: 2,
      epochs: 1,
      parallel: 1,
      seed: 1
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.error.message).toMatch(/learningRate\.min.*log-uniform range cannot include 0/)
    const zeroParallel = await host.handle('search.start', {
      base: smallBase,
      space: wideSpace,
      trials: 2,
      epochs: 1,
      parallel: 0,
      seed: 1
    })
    expect(zeroParallel).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    // A dataset that is not on disk is refused before any trial, and frees the job slot.
    const missing = await host.handle('search.start', {
      base: { ...smallBase, datasetId: 'fashion-mnist' },
      space: wideSpace,
      trials: 2,
      epochs: 1,
      parallel: 2,
      seed: 1
    })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.error.message).toMatch(/Fashion-MNIST is not downloaded/)
    expect(host.jobs.running()).toBeNull()
  })
})
