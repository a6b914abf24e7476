import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EpochMetrics, TrainConfig } from '../../../shared/contract'
import { RunStore } from './store'
import { checkpointFolder, progressFileName, type CheckpointProgress } from './layout'
import { applyCheckpointedEpoch } from './record-file'
import { seedTrainConfig } from '../../../shared/train-defaults'

const config: TrainConfig = seedTrainConfig({ seed: 1 })

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function store(): RunStore {
  const dir = mkdtempSync(join(tmpdir(), 'runs-'))
  dirs.push(dir)
  return new RunStore(dir)
}

const newRun = {
  config,
  datasetName: 'MNIST sample',
  split: { train: 8000, test: 2000 },
  parameterCount: 59210
}

describe('RunStore', () => {
  it('creates a run folder with a readable run.json and a descriptive default name', async () => {
    const runs = store()
    const run = await runs.create(newRun, new Date('2026-01-02T03:04:05Z'))
    expect(run.id).toMatch(/^20260102-030405-[0-9a-f]{6}$/)
    expect(run.name).toBe('MLP 64-64-64 on MNIST sample, 03:04')
    const onDisk = JSON.parse(readFileSync(join(runs.runPath(run.id), 'run.json'), 'utf8'))
    expect(onDisk).toEqual(run)
  })

  it('reads a run written before trainFraction and workers as trained on all rows, one worker per core', async () => {
    const runs = store()
    const run = await runs.create(newRun)
    const file = join(runs.runPath(run.id), 'run.json')
    const old = JSON.parse(readFileSync(file, 'utf8'))
    const { trainFraction: _f, workers: _w, ...oldConfig } = old.config
    writeFileSync(file, JSON.stringify({ ...old, config: { ...oldConfig, trainLimit: null } }))
    const read = await runs.get(run.id)
    expect(read.config).toEqual(config)
    expect(read.config).not.toHaveProperty('trainLimit')
  })

  it('applies concurrent updates one after another, losing none', async () => {
    const runs = store()
    const run = await runs.create(newRun)
    await Promise.all(
      [1, 2, 3, 4, 5].map((epoch) =>
        runs.update(run.id, (r) => {
          r.epochs.push({
            epoch,
            trainLoss: 1 / epoch,
            trainAccuracy: 0.9,
            trainMeasured: 8000,
            runningLoss: 1.2 / epoch,
            runningAccuracy: 0.85,
            testLoss: 1 / epoch,
            testAccuracy: 0.9,
            seconds: 1,
            samplesPerSecond: 8000
          })
        })
      )
    )
    const saved = await runs.get(run.id)
    expect(saved.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5])
    // No temp files are left beside run.json.
    expect(readdirSync(runs.runPath(run.id))).toEqual(['run.json'])
  })

  it('marks runs that were cut off as interrupted, except those still training', async () => {
    const runs = store()
    const cut = await runs.create(newRun)
    const live = await runs.create(newRun)
    await runs.update(cut.id, (r) => {
      r.checkpointEpoch = 3
    })
    const marked = await runs.markInterrupted(new Set([live.id]))
    expect(marked).toEqual([cut.id])
    const saved = await runs.get(cut.id)
    expect(saved.status).toBe('interrupted')
    expect(saved.message).toContain('resume after epoch 3')
    // The app words it from the catalogue; the English stays for the CLI.
    expect(saved.messageText).toEqual({ key: 'runs.cutOff.afterEpoch', params: { epoch: 3 } })
    expect((await runs.get(live.id)).status).toBe('running')
  })

  it('says a run cut off before its first epoch has nothing to resume from, in catalogue words too', async () => {
    const runs = store()
    const cut = await runs.create(newRun)
    await runs.markInterrupted(new Set())
    const saved = await runs.get(cut.id)
    expect(saved.message).toBe('Training was cut off before the first epoch finished.')
    expect(saved.messageText).toEqual({ key: 'runs.cutOff.beforeFirstEpoch' })
  })

  it('takes every epoch run.json missed from the checkpoint when the host fell several epochs behind before the cut', async () => {
    const runs = store()
    const cut = await runs.create(newRun)
    const metrics = (epoch: number): EpochMetrics => ({
      epoch,
      trainLoss: 1 / epoch,
      trainAccuracy: 0.9,
      trainMeasured: 8000,
      runningLoss: 1.2 / epoch,
      runningAccuracy: 0.85,
      testLoss: 1 / epoch,
      testAccuracy: 0.9,
      seconds: 2,
      samplesPerSecond: 4000
    })
    await runs.update(cut.id, (r) => applyCheckpointedEpoch(r, metrics(1)))
    // The engine had checkpointed epoch 3 while run.json still held only epoch 1.
    const progress: CheckpointProgress = {
      epoch: 3,
      steps: 189,
      epochs: [metrics(1), metrics(2), metrics(3)]
    }
    mkdirSync(join(runs.runPath(cut.id), checkpointFolder))
    writeFileSync(
      join(runs.runPath(cut.id), checkpointFolder, progressFileName),
      JSON.stringify(progress)
    )
    await runs.markInterrupted(new Set())
    const saved = await runs.get(cut.id)
    expect(saved.epochs.map((e) => [e.epoch, e.trainLoss])).toEqual([
      [1, 1],
      [2, 1 / 2],
      [3, 1 / 3]
    ])
    expect(saved.checkpointEpoch).toBe(3)
    expect(saved.durationSeconds).toBe(6)
    expect(saved.message).toContain('resume after epoch 3')
  })

  it('lists newest first and skips a folder whose run.json is broken', async () => {
    const runs = store()
    const older = await runs.create(newRun, new Date('2026-01-01T00:00:00Z'))
    const newer = await runs.create(newRun, new Date('2026-02-01T00:00:00Z'))
    mkdirSync(join(runs.dir, 'broken'))
    writeFileSync(join(runs.dir, 'broken', 'run.json'), '{"id": "bro')
    expect((await runs.list()).map((r) => r.id)).toEqual([newer.id, older.id])
    await expect(runs.get('broken')).rejects.toMatchObject({
      code: 'io_error',
      message: expect.stringContaining('not valid JSON')
    })
  })

  it('lists damaged runs with what is wrong, in English and as a catalogue message', async () => {
    const runs = store()
    const write = (id: string, text: string): void => {
      mkdirSync(join(runs.dir, id))
      writeFileSync(join(runs.dir, id, 'run.json'), text)
    }
    write('a-empty', '')
    write('b-cut', '{"id": "bro')
    write('c-newer', JSON.stringify({ schemaVersion: 99 }))
    write('d-field', JSON.stringify({ id: 'd-field' }))
    const damaged = Object.fromEntries((await runs.damaged()).map((d) => [d.id, d]))
    expect(damaged['a-empty']).toMatchObject({
      reason: 'is empty.',
      reasonText: { key: 'runs.damaged.why.empty' }
    })
    expect(damaged['b-cut']?.reasonText).toEqual({ key: 'runs.damaged.why.notJson' })
    expect(damaged['c-newer']?.reasonText).toEqual({
      key: 'runs.damaged.why.newer',
      params: { version: 99, supported: 2 }
    })
    // zod's words on the field stay as they are; the field is named apart.
    expect(damaged['d-field']?.reasonText).toMatchObject({
      key: 'runs.damaged.why.badField',
      params: { field: 'name', issue: expect.any(String) }
    })
  })

  it('opens a run written before schema version 2, its trainLoss read as the running mean', async () => {
    const runs = store()
    const run = await runs.create(newRun)
    const old: Record<string, unknown> = JSON.parse(
      readFileSync(join(runs.runPath(run.id), 'run.json'), 'utf8')
    )
    delete old.schemaVersion
    old.epochs = [
      {
        epoch: 1,
        trainLoss: 0.6,
        testLoss: 0.3,
        trainAccuracy: 0.519,
        testAccuracy: 0.791,
        seconds: 2,
        samplesPerSecond: 4000
      }
    ]
    writeFileSync(join(runs.runPath(run.id), 'run.json'), JSON.stringify(old))
    const opened = await runs.get(run.id)
    expect(opened.schemaVersion).toBe(2)
    // Version 1 measured no train pass: the loss it called trainLoss was the running mean.
    expect(opened.epochs[0]).toMatchObject({
      runningLoss: 0.6,
      runningAccuracy: 0.519,
      trainLoss: null,
      trainAccuracy: null,
      trainMeasured: null,
      testAccuracy: 0.791
    })
    // An update writes it back in the current version, nothing lost.
    await runs.update(run.id, (r) => {
      r.name = 'renamed'
    })
    const onDisk = JSON.parse(readFileSync(join(runs.runPath(run.id), 'run.json'), 'utf8'))
    expect(onDisk.schemaVersion).toBe(2)
    expect(onDisk.epochs[0].runningLoss).toBe(0.6)
  })

  it('says which run is missing', async () => {
    await expect(store().get('nope')).rejects.toMatchObject({
      code: 'not_found',
      message: 'There is no run "nope". It may have been deleted.'
    })
  })
})

describe('runs recorded before final test figures existed', () => {
  it('open with the last epoch’s test figures as their test accuracy, and no bestTestAccuracy', async () => {
    const runs = store()
    const created = await runs.create(newRun)
    const file = join(runs.runPath(created.id), 'run.json')
    const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    for (const key of ['testAccuracy', 'testLoss', 'bestEpoch', 'stoppedEpoch']) delete old[key]
    Object.assign(old, {
      status: 'completed',
      bestTestAccuracy: 0.93,
      epochs: [
        {
          epoch: 1,
          trainLoss: 0.4,
          testLoss: 0.3,
          trainAccuracy: 0.9,
          testAccuracy: 0.93,
          seconds: 1,
          samplesPerSecond: 1
        },
        {
          epoch: 2,
          trainLoss: 0.3,
          testLoss: 0.35,
          trainAccuracy: 0.95,
          testAccuracy: 0.92,
          seconds: 1,
          samplesPerSecond: 1
        }
      ]
    })
    writeFileSync(file, JSON.stringify(old))
    const record = await runs.get(created.id)
    // Their kept weights are the last epoch's, so that is their test accuracy, not the best one.
    expect(record.testAccuracy).toBe(0.92)
    expect(record.testLoss).toBe(0.35)
    expect(record.bestEpoch).toBeNull()
    expect(record.stoppedEpoch).toBeNull()
    expect('bestTestAccuracy' in record).toBe(false)
  })
})
