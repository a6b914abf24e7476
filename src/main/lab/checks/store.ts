/**
 * The recipe checks of the Overfit tab, on disk in the lab's home (never in
 * browser storage): <home>/checks/<datasetId>/<key>.json, one file per model
 * and scaling. Written atomically and only from finished work, so a stopped
 * job leaves nothing half-written.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LabError, type ChecksKey, type RecipeChecks } from '../../../shared/contract'
import { writeJsonAtomic } from '../fs-atomic'

export class ChecksStore {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(readonly dir: string) {}

  /** The file of a dataset, model and scaling; the key is a hash of model and scaling. */
  pathOf(key: ChecksKey): string {
    const hash = createHash('sha256')
      .update(JSON.stringify({ model: key.model, scaling: key.scaling }))
      .digest('hex')
      .slice(0, 16)
    return join(this.dir, key.datasetId, `${hash}.json`)
  }

  async get(key: ChecksKey): Promise<RecipeChecks | null> {
    let text: string
    try {
      text = await readFile(this.pathOf(key), 'utf8')
    } catch {
      return null
    }
    try {
      return JSON.parse(text) as RecipeChecks
    } catch {
      throw new LabError(
        'io_error',
        `The recipe checks in ${this.pathOf(key)} are not valid JSON. Delete the file; the checks can be run again.`,
        { key: 'errors.checksDamaged', params: { file: this.pathOf(key) } }
      )
    }
  }

  /**
   * The checks of this model, else the newest of any model on the dataset: a
   * learner often overfits one batch with a small model, then the training set
   * with a big one.
   */
  async getOrNewest(key: ChecksKey): Promise<RecipeChecks | null> {
    const own = await this.get(key)
    if (own) return own
    let names: string[]
    try {
      names = await readdir(join(this.dir, key.datasetId))
    } catch {
      return null
    }
    const all = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map((n) =>
          readFile(join(this.dir, key.datasetId, n), 'utf8')
            .then((text) => JSON.parse(text) as RecipeChecks)
            .catch(() => null)
        )
    )
    const found = all.filter((c): c is RecipeChecks => c !== null)
    found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    return found[0] ?? null
  }

  /** Applies a change and writes the file; changes run one after another so none is lost. */
  update(key: ChecksKey, change: (checks: RecipeChecks) => void): Promise<RecipeChecks> {
    const next = this.queue
      .catch(() => undefined)
      .then(async () => {
        const checks = (await this.get(key)) ?? empty(key)
        change(checks)
        checks.updatedAt = new Date().toISOString()
        await writeJsonAtomic(this.pathOf(key), checks)
        return checks
      })
    this.queue = next
    return next
  }
}

function empty(key: ChecksKey): RecipeChecks {
  return {
    schemaVersion: 1,
    datasetId: key.datasetId,
    model: key.model,
    scaling: key.scaling,
    updatedAt: new Date().toISOString(),
    init: null,
    baselines: null,
    oneBatch: null,
    human: null
  }
}
