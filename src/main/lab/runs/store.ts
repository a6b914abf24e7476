import { randomBytes } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import {
  LabError,
  runSchemaVersion,
  type RunRecord,
  type TrainConfig
} from '../../../shared/contract'
import { writeJsonAtomic } from '../fs-atomic'
import { upgradeRunRecord } from './record-version'
import { upgradeConfig } from './config-upgrade'

export interface NewRun {
  name?: string
  config: TrainConfig
  datasetName: string
  split: { train: number; test: number }
  parameterCount: number
}

const runFile = 'run.json'

/**
 * One folder per run under <home>/runs. The host is the only writer of run.json;
 * the engine writes model/ and checkpoint/ beside it.
 */
export class RunStore {
  /** Updates to one run are applied one after another, so none is lost. */
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(readonly dir: string) {}

  runPath(id: string): string {
    return join(this.dir, id)
  }

  async create(input: NewRun, now = new Date()): Promise<RunRecord> {
    const id = newRunId(now)
    const stamp = now.toISOString()
    const record: RunRecord = {
      schemaVersion: runSchemaVersion,
      id,
      name: input.name && input.name.length > 0 ? input.name : defaultRunName(input, now),
      createdAt: stamp,
      updatedAt: stamp,
      datasetId: input.config.datasetId,
      datasetName: input.datasetName,
      split: input.split,
      config: input.config,
      parameterCount: input.parameterCount,
      backend: null,
      status: 'running',
      firstLoss: null,
      epochs: [],
      bestTestAccuracy: null,
      durationSeconds: 0,
      checkpointEpoch: null,
      evaluation: null
    }
    await writeJsonAtomic(join(this.runPath(id), runFile), record)
    return record
  }

  async get(id: string): Promise<RunRecord> {
    let text: string
    try {
      text = await readFile(join(this.runPath(id), runFile), 'utf8')
    } catch {
      throw new LabError('not_found', `There is no run "${id}". It may have been deleted.`)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new LabError(
        'io_error',
        `The record of run "${id}" (${join(this.runPath(id), runFile)}) is not valid JSON. Delete the run folder or restore it from a backup.`
      )
    }
    const record = upgradeRunRecord(
      parsed,
      `The record of run "${id}" (${join(this.runPath(id), runFile)})`
    )
    record.config = upgradeConfig(record.config)
    return record
  }

  /** Every readable run, newest first. Unreadable folders are skipped, not fatal. */
  async list(): Promise<RunRecord[]> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return []
    }
    const records = await Promise.all(
      names.filter((n) => !n.startsWith('.')).map((n) => this.get(n).catch(() => null))
    )
    return records
      .filter((r): r is RunRecord => r !== null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  /** Applies a change to run.json, serialized per run, and writes it atomically. */
  update(id: string, change: (record: RunRecord) => void): Promise<RunRecord> {
    const previous = this.queues.get(id) ?? Promise.resolve()
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const record = await this.get(id)
        change(record)
        record.updatedAt = new Date().toISOString()
        await writeJsonAtomic(join(this.runPath(id), runFile), record)
        return record
      })
    this.queues.set(id, next)
    void next.finally(() => {
      if (this.queues.get(id) === next) this.queues.delete(id)
    })
    return next
  }

  async delete(id: string): Promise<void> {
    await this.get(id)
    await rm(this.runPath(id), { recursive: true, force: true })
  }

  /**
   * Runs still marked running or paused while nothing trains them were cut off
   * (app closed, engine killed): mark them interrupted so they can resume.
   */
  async markInterrupted(activeRunIds: ReadonlySet<string>): Promise<string[]> {
    const runs = await this.list()
    const stale = runs.filter(
      (r) => (r.status === 'running' || r.status === 'paused') && !activeRunIds.has(r.id)
    )
    await Promise.all(
      stale.map((r) =>
        this.update(r.id, (record) => {
          record.status = 'interrupted'
          record.message =
            record.checkpointEpoch === null
              ? 'Training was cut off before the first epoch finished.'
              : `Training was cut off; it can resume after epoch ${record.checkpointEpoch}.`
        })
      )
    )
    return stale.map((r) => r.id)
  }
}

function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `${stamp}-${randomBytes(3).toString('hex')}`
}

function defaultRunName(input: NewRun, now: Date): string {
  const model =
    input.config.model.kind === 'mlp'
      ? `MLP ${input.config.model.hidden.map((l) => l.units).join('-') || 'linear'}`
      : 'CNN'
  const time = now.toISOString().slice(11, 16)
  return `${model} on ${input.datasetName}, ${time}`
}
