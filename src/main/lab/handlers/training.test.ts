import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  LabError,
  type AnyLabEvent,
  type EpochMetrics,
  type LabEventMessage
} from '../../../shared/contract'
import { seedTrainConfig } from '../../../shared/train-defaults'
import { emptyAutoCache, pickFastest, withPick } from '../auto-backend/choice'
import { autoCachePath, thisMachine } from '../auto-backend/measure'
import type { HostContext } from '../context'
import { writeJsonAtomic } from '../fs-atomic'
import { chooseStep } from '../engine/step/choice'
import { testHostContext } from '../testing/host-context'
import {
  activeTrainingRun,
  nodeEngineLost,
  refuseWhileTraining,
  trainingEngineLost,
  trainingHandlers,
  trainingRecorder
} from './training'
import { waitForRunEnd } from './run-end'

/**
 * The host side of training against a real RunStore. The engine is a double:
 * it answers explore.facts and train.start, holding one of them until the test
 * lets it go, so the gaps inside a start can be raced.
 */
let home: string
let ctx: HostContext
let events: LabEventMessage[]
let engineCalls: { method: string; params: Record<string, unknown> }[]
/** The engine method that waits for openGate(): where a test holds a start half-way. */
let gatedMethod: 'explore.facts' | 'train.start'
let gate: Promise<void>
let openGate: () => void
let trainStartFailure: LabError | null

const facts = {
  id: 'mnist-sample',
  name: 'MNIST sample',
  counts: { train: 8000, test: 2000, total: 10000 },
  inputSize: 784,
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'mnist-lab-host-training-'))
  engineCalls = []
  trainStartFailure = null
  gatedMethod = 'train.start'
  gate = new Promise<void>((resolve) => (openGate = resolve))
  const host = testHostContext(home, async (method, params) => {
    engineCalls.push({ method, params })
    if (method === gatedMethod) await gate
    if (method === 'explore.facts') return facts
    if (method === 'engine.restart') return {}
    if (method === 'train.start') {
      if (trainStartFailure) throw trainStartFailure
      return { runId: params.runId }
    }
    throw new Error(`unexpected ${method}`)
  })
  ctx = host.ctx
  events = host.events
  // Auto measured here before (auto-backend/measure.test.ts measures for real): wasm for MLPs.
  await cacheAutoPick('wasm')
})

async function cacheAutoPick(backend: 'wasm' | 'cpu'): Promise<void> {
  const pick = pickFastest('mlp', [{ backend, msPerStep: 1 }], {
    allowSoftware: false,
    measuredAt: new Date().toISOString()
  })
  await writeJsonAtomic(autoCachePath(ctx), withPick(emptyAutoCache(), thisMachine(ctx), pick))
}

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(home, { recursive: true, force: true })
})

const config = seedTrainConfig({ epochs: 3 })

async function startRun(): Promise<string> {
  openGate()
  return (await trainingHandlers['train.start']({ config }, ctx)).runId
}

function epoch(n: number, testAccuracy: number): EpochMetrics {
  return {
    epoch: n,
    trainLoss: 1 / n,
    trainAccuracy: testAccuracy + 0.01,
    trainMeasured: 8000,
    runningLoss: 1.2 / n,
    runningAccuracy: testAccuracy - 0.01,
    testLoss: 1.1 / n,
    testAccuracy,
    seconds: 2,
    samplesPerSecond: 4000
  }
}

/** The recorder writes in the background; wait until run.json shows what `check` expects. */
async function recordOf(
  runId: string,
  check: (record: Awaited<ReturnType<HostContext['runs']['get']>>) => void
) {
  await vi.waitFor(async () => check(await ctx.runs.get(runId)), { timeout: 2000 })
  return ctx.runs.get(runId)
}

describe('train.start', () => {
  it('writes run.json before the engine starts, then marks the run active', async () => {
    const runId = await startRun()
    const record = await ctx.runs.get(runId)
    expect(record).toMatchObject({
      status: 'running',
      datasetName: 'MNIST sample',
      split: { train: 8000, test: 2000 },
      config
    })
    expect(engineCalls.map((c) => c.method)).toEqual(['explore.facts', 'train.start'])
    expect(engineCalls[1].params).toEqual({ runId, resume: false })
    expect(activeTrainingRun(ctx)).toBe(runId)
    expect(events).toContainEqual({ name: 'runs.changed', payload: { runId } })
  })

  it('restarts the engine with the backend a run asks for before training it', async () => {
    openGate()
    const forced = seedTrainConfig({ backend: 'cpu' })
    const { runId } = await trainingHandlers['train.start']({ config: forced }, ctx)
    expect(engineCalls.map((c) => c.method)).toEqual([
      'explore.facts',
      'engine.restart',
      'train.start'
    ])
    expect(engineCalls[1].params).toEqual({ backend: 'cpu' })
    expect(engineCalls[2].params).toEqual({ runId, resume: false })
  })

  it('trains a run asking for auto on the backend auto picked, restarting the engine for it', async () => {
    await cacheAutoPick('cpu')
    const runId = await startRun()
    expect(engineCalls.map((c) => c.method)).toEqual([
      'explore.facts',
      'engine.restart',
      'train.start'
    ])
    expect(engineCalls[1].params).toEqual({ backend: 'cpu' })
    expect(engineCalls[2].params).toEqual({ runId, resume: false })
  })

  it('refuses a second start while a run trains, and creates no second run', async () => {
    const first = await startRun()
    await expect(trainingHandlers['train.start']({ config }, ctx)).rejects.toMatchObject({
      code: 'job_running'
    })
    expect(await readdir(ctx.runs.dir)).toEqual([first])
    expect(activeTrainingRun(ctx)).toBe(first)
  })

  it('refuses a second start that arrives before the first run is active', async () => {
    gatedMethod = 'explore.facts'
    const first = trainingHandlers['train.start']({ config }, ctx)
    // The first start waits for the engine before its run exists; a quick second click must not slip in.
    await vi.waitFor(() => expect(engineCalls.map((c) => c.method)).toContain('explore.facts'))
    expect(activeTrainingRun(ctx)).toBeNull()
    await expect(trainingHandlers['train.start']({ config }, ctx)).rejects.toMatchObject({
      code: 'job_running'
    })
    expect(() => refuseWhileTraining(ctx, 'switch backends')).toThrow(
      /A training run is running \(a new run on mnist-sample\)/
    )
    openGate()
    const { runId } = await first
    expect(activeTrainingRun(ctx)).toBe(runId)
    expect(await readdir(ctx.runs.dir)).toEqual([runId])
    expect(engineCalls.filter((c) => c.method === 'explore.facts')).toHaveLength(1)
  })

  it('marks the run failed and frees the engine when the engine refuses to train', async () => {
    trainStartFailure = new LabError('not_found', 'The dataset is gone.')
    await expect(startRun()).rejects.toThrow('The dataset is gone.')
    const [runId] = await readdir(ctx.runs.dir)
    expect(await ctx.runs.get(runId)).toMatchObject({
      status: 'failed',
      message: 'The dataset is gone.'
    })
    expect(activeTrainingRun(ctx)).toBeNull()
    trainStartFailure = null
    await expect(startRun()).resolves.toEqual(expect.any(String))
  })

  it('refuses other jobs while a run trains, naming the run, and refuses a run while another job runs', async () => {
    const runId = await startRun()
    const { name } = await ctx.runs.get(runId)
    await expect(ctx.jobs.run('learning-curve', 'curve', async () => 'ran')).rejects.toThrow(
      `a training run is running (run "${name}")`
    )
    await trainingRecorder(ctx)({ name: 'train.status', payload: { runId, status: 'stopped' } })
    expect(activeTrainingRun(ctx)).toBeNull()

    let finishSweep: () => void = () => undefined
    const sweep = ctx.jobs.run(
      'lr-sweep',
      'sweep on mnist-sample',
      () => new Promise<void>((r) => (finishSweep = r))
    )
    await expect(trainingHandlers['train.start']({ config }, ctx)).rejects.toMatchObject({
      code: 'job_running',
      message: expect.stringContaining('a learning-rate sweep is running (sweep on mnist-sample)')
    })
    expect(await readdir(ctx.runs.dir)).toEqual([runId])
    finishSweep()
    await sweep
    await expect(trainingHandlers['train.start']({ config }, ctx)).resolves.toHaveProperty('runId')
  })

  it('refuses to resume another run while one trains', async () => {
    const first = await startRun()
    await ctx.runs.update(first, (r) => {
      r.status = 'stopped'
    })
    const other = await ctx.runs.create({
      config,
      datasetName: 'MNIST sample',
      split: { train: 8000, test: 2000 },
      parameterCount: 1
    })
    await ctx.runs.update(other.id, (r) => {
      r.status = 'interrupted'
    })
    await expect(trainingHandlers['runs.resume']({ runId: other.id }, ctx)).rejects.toMatchObject({
      code: 'job_running'
    })
    expect((await ctx.runs.get(other.id)).status).toBe('interrupted')
  })
})

describe('trainingRecorder', () => {
  it('folds batch, epoch and status events into run.json and says the run changed', async () => {
    const runId = await startRun()
    const record = trainingRecorder(ctx)
    const send = (event: AnyLabEvent): void => void record(event)
    const batch = {
      runId,
      epoch: 1,
      batch: 1,
      batchesPerEpoch: 32,
      samplesPerSecond: 1,
      etaSeconds: 1
    }

    send({ name: 'train.batch', payload: { ...batch, step: 1, loss: 2.3 } })
    // Only the very first step's loss is the "first loss"; later ones are not.
    send({ name: 'train.batch', payload: { ...batch, step: 2, loss: 1.9 } })
    send({ name: 'train.epoch', payload: { runId, ...epoch(1, 0.9) } })
    send({ name: 'train.epoch', payload: { runId, ...epoch(2, 0.8) } })
    await recordOf(runId, (r) => expect(r.epochs).toHaveLength(2))
    // A resumed run re-trains epoch 2: the new one replaces the old, nothing after it survives.
    send({ name: 'train.epoch', payload: { runId, ...epoch(2, 0.95) } })
    const step = chooseStep('mlp', 'cpu')
    send({ name: 'train.status', payload: { runId, status: 'completed', backend: 'cpu', step } })

    const done = await recordOf(runId, (r) => expect(r.status).toBe('completed'))
    expect(done.firstLoss).toBe(2.3)
    expect(done.epochs.map((e) => [e.epoch, e.testAccuracy])).toEqual([
      [1, 0.9],
      [2, 0.95]
    ])
    send({
      name: 'train.result',
      payload: { runId, testLoss: 0.2, testAccuracy: 0.94, bestEpoch: null, stoppedEpoch: null }
    })
    await recordOf(runId, (r) => expect(r.testAccuracy).toBe(0.94))
    expect(done.durationSeconds).toBe(4)
    expect(done.checkpointEpoch).toBe(2)
    expect(done.backend).toBe('cpu')
    expect(done.step).toEqual(step)
    await vi.waitFor(() =>
      expect(events.filter((e) => e.name === 'runs.changed').length).toBeGreaterThanOrEqual(6)
    )
    // A finished run frees the engine for the next one.
    expect(activeTrainingRun(ctx)).toBeNull()
  })

  it('keeps a run active while it is paused, and records the message of a failure', async () => {
    const runId = await startRun()
    const record = trainingRecorder(ctx)
    void record({ name: 'train.status', payload: { runId, status: 'paused' } })
    await recordOf(runId, (r) => expect(r.status).toBe('paused'))
    expect(activeTrainingRun(ctx)).toBe(runId)
    void record({
      name: 'train.status',
      payload: { runId, status: 'failed', message: 'Out of memory.' }
    })
    const failed = await recordOf(runId, (r) => expect(r.status).toBe('failed'))
    expect(failed.message).toBe('Out of memory.')
    expect(activeTrainingRun(ctx)).toBeNull()
  })

  it('tells whoever waits for a run that it ended, even when run.json cannot take the status', async () => {
    const runId = await startRun()
    const ended = waitForRunEnd(runId)
    vi.spyOn(ctx.runs, 'update').mockRejectedValueOnce(new Error('disk full'))
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await trainingRecorder(ctx)({ name: 'train.status', payload: { runId, status: 'completed' } })
    await expect(ended).resolves.toBe('completed')
  })
})

describe('trainingEngineLost', () => {
  it('marks the active run interrupted, says so with train.status, and frees the engine', async () => {
    const runId = await startRun()
    await ctx.runs.update(runId, (r) => {
      r.checkpointEpoch = 1
    })
    events.length = 0
    await trainingEngineLost(ctx)
    const record = await ctx.runs.get(runId)
    expect(record.status).toBe('interrupted')
    expect(record.message).toContain('after epoch 1')
    const status = events.find((e) => e.name === 'train.status')
    expect(status?.payload).toMatchObject({ runId, status: 'interrupted' })
    expect((status?.payload as { message: string }).message).toMatch(
      /^The engine stopped unexpectedly\. .*after epoch 1/
    )
    // The app words it from the catalogue; the English stays for the CLI.
    expect(status?.payload).toMatchObject({
      text: { key: 'train.outcome.engineLost.afterEpoch', params: { epoch: 1 } }
    })
    expect(record.messageText).toEqual({ key: 'runs.cutOff.afterEpoch', params: { epoch: 1 } })
    expect(events).toContainEqual({ name: 'runs.changed', payload: { runId } })
    expect(activeTrainingRun(ctx)).toBeNull()
  })

  it('names what the GPU engine said when it was the engine that died, in catalogue words too', async () => {
    const runId = await startRun()
    events.length = 0
    const lost = { key: 'gpu.errors.deviceLost', params: { reason: 'destroyed' } }
    await trainingEngineLost(ctx, { message: 'The GPU device was lost (destroyed).', text: lost })
    const status = events.find((e) => e.name === 'train.status')
    expect((status?.payload as { message: string }).message).toMatch(
      /^The GPU device was lost \(destroyed\)\. The run can resume .*before the first epoch/
    )
    expect(status?.payload).toMatchObject({
      runId,
      text: {
        key: 'train.outcome.gpuLost.beforeFirstEpoch',
        params: { why: lost }
      }
    })
  })

  it('does nothing when no run was training', async () => {
    await trainingEngineLost(ctx)
    expect(events).toEqual([])
  })

  it('leaves a run on the GPU engine training when the Node engine dies', async () => {
    const runId = await startRun()
    vi.spyOn(ctx.gpu, 'trains').mockImplementation((id) => id === runId)
    events.length = 0
    await nodeEngineLost(ctx)
    expect((await ctx.runs.get(runId)).status).toBe('running')
    expect(activeTrainingRun(ctx)).toBe(runId)
    expect(events).toEqual([])
  })

  it('cuts off a run on the Node engine when the Node engine dies', async () => {
    const runId = await startRun()
    await nodeEngineLost(ctx)
    expect((await ctx.runs.get(runId)).status).toBe('interrupted')
    expect(activeTrainingRun(ctx)).toBeNull()
  })
})
