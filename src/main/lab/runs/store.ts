import { randomBytes } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  LabError,
  type DamagedRun,
  type RunRecord,
  type TrainConfig
} from '../../../shared/contract'
import { writeJsonAtomic } from '../fs-atomic'
import { upgradeRunRecord } from './upgrade'
import { checkpointedEpochs, runFileName as runFile } from './layout'
import { readCheckpointProgress, recoverRunFolder } from './recover'
import {
  applyCheckpointedEpoch,
  DamagedRunError,
  parseRunFile,
  runSchemaVersion
} from './record-file'

export interface NewRun {
  name?: string
  config: TrainConfig
  datasetName: string
  split: RunRecord['split']
  parameterCount: number
  baseline?: RunRecord['baseline']
}

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
      testAccuracy: null,
      testLoss: null,
      bestEpoch: null,
      stoppedEpoch: null,
      durationSeconds: 0,
      checkpointEpoch: null,
      evaluation: null,
      ...(input.baseline ? { baseline: input.baseline } : {})
    }
    try {
      await this.write(id, record)
    } catch (error) {
      // No empty run folder is left behind by a run that could not be recorded.
      await rm(this.runPath(id), { recursive: true, force: true })
      throw error
    }
    return record
  }

  /** Writes run.json; a failing disk becomes an error that names the folder. */
  private async write(id: string, record: RunRecord): Promise<void> {
    try {
      await writeJsonAtomic(join(this.runPath(id), runFile), record)
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      throw new LabError(
        'io_error',
        `Could not save run "${record.name}" in ${this.dir} (${reason}: ${describeErrno(reason)}). Free some disk space or check the folder's permissions, then try again.`,
        { key: 'runs.errors.saveFailed', params: { name: record.name, dir: this.dir } }
      )
    }
  }

  async get(id: string): Promise<RunRecord> {
    let text: string
    try {
      text = await readFile(join(this.runPath(id), runFile), 'utf8')
    } catch {
      throw new LabError('not_found', `There is no run "${id}". It may have been deleted.`, {
        key: 'runs.errors.notFound',
        params: { id }
      })
    }
    return upgradeRunRecord(parseRunFile(text, id, join(this.runPath(id), runFile)))
  }

  /** Every readable run, newest first. Damaged ones are left out (see damaged()). */
  async list(): Promise<RunRecord[]> {
    return (await this.readAll()).runs
  }

  /** Run folders whose run.json cannot be used, each with the reason. */
  async damaged(): Promise<DamagedRun[]> {
    return (await this.readAll()).damaged
  }

  private async readAll(): Promise<{ runs: RunRecord[]; damaged: DamagedRun[] }> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return { runs: [], damaged: [] }
    }
    const runs: RunRecord[] = []
    const damaged: DamagedRun[] = []
    await Promise.all(
      names
        .filter((n) => !n.startsWith('.'))
        .map(async (id) => {
          try {
            runs.push(await this.get(id))
          } catch (error) {
            if (error instanceof DamagedRunError) {
              damaged.push({
                id,
                folder: this.runPath(id),
                reason: error.reason,
                reasonText: error.reasonText
              })
            }
          }
        })
    )
    runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    damaged.sort((a, b) => b.id.localeCompare(a.id))
    return { runs, damaged }
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
        await this.write(id, record)
        return record
      })
    this.queues.set(id, next)
    // then(f, f), not finally(): finally's promise would reject with `next` and,
    // unhandled, end the whole process (a full disk would take the server down).
    const forget = (): void => {
      if (this.queues.get(id) === next) this.queues.delete(id)
    }
    void next.then(forget, forget)
    return next
  }

  /** Deletes a run's folder, readable or damaged. */
  async delete(id: string): Promise<void> {
    const folder = await stat(this.runPath(id)).catch(() => null)
    if (!folder?.isDirectory()) {
      throw new LabError('not_found', `There is no run "${id}". It may have been deleted.`, {
        key: 'runs.errors.notFound',
        params: { id }
      })
    }
    await rm(this.runPath(id), { recursive: true, force: true })
  }

  /**
   * After the process writing a run was cut off: puts its folder right (a swap
   * cut off halfway), brings run.json in step with the checkpoint, then applies
   * `change`. Nothing may be training the run meanwhile.
   */
  async recoverCutOff(id: string, change: (record: RunRecord) => void): Promise<RunRecord> {
    await recoverRunFolder(this.runPath(id))
    const checkpoint = await readCheckpointProgress(this.runPath(id))
    return this.update(id, (record) => {
      // The checkpoint on disk is the truth: the process may have died after
      // writing it and before run.json heard of it (of one epoch or several).
      if (checkpoint && checkpoint.epoch !== record.checkpointEpoch) {
        for (const metrics of checkpointedEpochs(checkpoint)) {
          if (metrics.epoch > (record.checkpointEpoch ?? 0)) applyCheckpointedEpoch(record, metrics)
        }
      }
      change(record)
    })
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
        this.recoverCutOff(r.id, (record) => {
          record.status = 'interrupted'
          const epoch = record.checkpointEpoch
          if (epoch === null) {
            record.message = 'Training was cut off before the first epoch finished.'
            record.messageText = { key: 'runs.cutOff.beforeFirstEpoch' }
          } else {
            record.message = `Training was cut off; it can resume after epoch ${epoch}.`
            record.messageText = { key: 'runs.cutOff.afterEpoch', params: { epoch } }
          }
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

const errnoWords: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the folder is read-only'
}

function describeErrno(code: string): string {
  return errnoWords[code] ?? 'the file system refused the write'
}
