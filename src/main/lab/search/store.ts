/**
 * One folder per search under <home>/searches, holding search.json. Written
 * atomically after every trial event, so quitting or a crash loses at most the
 * trials in flight (and those resume from their checkpoints).
 */
import { randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LabError, type SearchRecord } from '../../../shared/contract'
import { writeJsonAtomic } from '../fs-atomic'

const searchFile = 'search.json'

export function newSearchId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `s-${stamp}-${randomBytes(3).toString('hex')}`
}

export class SearchStore {
  /** Writes of one search happen one after another, so none overtakes an older one. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(readonly dir: string) {}

  async get(id: string): Promise<SearchRecord> {
    let text: string
    try {
      text = await readFile(join(this.dir, id, searchFile), 'utf8')
    } catch {
      throw new LabError('not_found', `There is no search "${id}" (see \`lab tune --list\`).`, {
        key: 'tune.errors.unknownSearch',
        params: { id }
      })
    }
    try {
      return JSON.parse(text) as SearchRecord
    } catch (error) {
      throw new LabError(
        'not_found',
        `Search ${id} has a damaged search.json (${error instanceof Error ? error.message : String(error)}).`,
        { key: 'tune.errors.damagedSearch', params: { id } }
      )
    }
  }

  async list(): Promise<SearchRecord[]> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return []
    }
    const records = await Promise.all(names.map((name) => this.get(name).catch(() => null)))
    return records
      .filter((r): r is SearchRecord => r !== null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  save(record: SearchRecord): Promise<void> {
    const snapshot = JSON.stringify({ ...record, updatedAt: new Date().toISOString() })
    const write = this.queue.then(() =>
      writeJsonAtomic(join(this.dir, record.id, searchFile), JSON.parse(snapshot))
    )
    this.queue = write.catch(() => undefined)
    return write
  }
}
