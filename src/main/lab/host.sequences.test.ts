/**
 * Random sequences of valid requests against a real engine and a temporary
 * home. Whatever the order, the lab's state stays consistent: at most one run
 * trains, a deleted run never comes back or trains, every run.json stays
 * readable, and every answer is a value or a typed error.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  labErrorCodes,
  type AnyLabEvent,
  type LabResponse,
  type RequestName,
  type RunRecord
} from '../../shared/contract'
import { seedTrainConfig } from '../../shared/train-defaults'
import { writeFixtureFolder } from './datasets/testing/fixtures'
import { LabHost } from './host'
import { realEngineLauncher, repoResourcesDir } from './testing/real-engine'

type Step =
  | { kind: 'start'; epochs: number }
  | { kind: 'pause' | 'resume' | 'stop' }
  | { kind: 'delete' | 'rename' | 'evaluate' | 'resumeRun'; pick: number }
  | { kind: 'import' }
  | { kind: 'wait'; ms: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('start' as const),
      epochs: fc.integer({ min: 1, max: 3 })
    }),
    weight: 3
  },
  fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const, 'stop' as const) }),
  fc.record({
    kind: fc.constantFrom(
      'delete' as const,
      'rename' as const,
      'evaluate' as const,
      'resumeRun' as const
    ),
    pick: fc.nat()
  }),
  fc.record({ kind: fc.constant('import' as const) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 400 }) })
)

const home = mkdtempSync(join(tmpdir(), 'lab-sequences-'))
const importDir = mkdtempSync(join(tmpdir(), 'lab-sequences-import-'))
const host = new LabHost({
  home,
  resourcesDir: repoResourcesDir,
  appVersion: '0.0.0-test',
  launcher: realEngineLauncher()
})
const events: AnyLabEvent[] = []
host.onEvent((event) => events.push(event))

beforeAll(async () => {
  await writeFixtureFolder(importDir)
  await host.start()
})
afterAll(async () => {
  await host.stop()
  rmSync(home, { recursive: true, force: true })
  rmSync(importDir, { recursive: true, force: true })
})

async function ask(name: RequestName, params: unknown): Promise<LabResponse<RequestName>> {
  const response = await host.handle(name, params)
  if (!response.ok) {
    expect(labErrorCodes).toContain(response.error.code)
    expect(response.error.code).not.toBe('internal')
  }
  return response
}

async function runs(): Promise<RunRecord[]> {
  const response = await ask('runs.list', {})
  if (!response.ok) throw new Error(response.error.message)
  return response.value as RunRecord[]
}

const training = (r: RunRecord): boolean => r.status === 'running' || r.status === 'paused'

/** The run training now, if any, as the lab reports it. */
async function active(): Promise<RunRecord | undefined> {
  return (await runs()).find(training)
}

/** Lets the active run finish (or stops it) so the next sequence starts from a quiet lab. */
async function settle(): Promise<void> {
  const run = await active()
  if (run) await host.handle('train.stop', { runId: run.id })
  await vi.waitFor(async () => expect(await active()).toBeUndefined(), { timeout: 30_000 })
}

describe('random sequences of valid requests', () => {
  it('keep the lab consistent', { timeout: 240_000 }, async () => {
    const deleted = new Set<string>()
    let steps = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (sequence) => {
        for (const s of sequence) {
          steps += 1
          const all = await runs()
          const picked = all.length > 0 ? all[('pick' in s ? s.pick : 0) % all.length] : undefined
          const current = all.find(training)
          switch (s.kind) {
            case 'start': {
              const config = seedTrainConfig({
                epochs: s.epochs,
                trainFraction: 0.064,
                batchSize: 128,
                workers: 1
              })
              const response = await ask('train.start', { config })
              // Only one run trains at a time: a start succeeds only once the last one ended.
              if (response.ok && current) {
                const before = (await runs()).find((r) => r.id === current.id)
                expect(before && training(before)).toBeFalsy()
              }
              if (!response.ok) expect(response.error.code).toBe('job_running')
              break
            }
            case 'pause':
            case 'resume':
            case 'stop':
              if (current) await ask(`train.${s.kind}`, { runId: current.id })
              break
            case 'delete':
              if (picked) {
                const response = await ask('runs.delete', { runId: picked.id })
                if (response.ok) deleted.add(picked.id)
                else if (training(picked)) expect(response.error.code).toBe('job_running')
              }
              break
            case 'rename':
              if (picked) await ask('runs.rename', { runId: picked.id, name: `renamed ${steps}` })
              break
            case 'evaluate':
              if (picked) await ask('evaluate.run', { runId: picked.id, split: 'test' })
              break
            case 'resumeRun':
              if (picked) await ask('runs.resume', { runId: picked.id })
              break
            case 'import':
              expect((await ask('datasets.import', { dir: importDir, name: 'Fixture' })).ok).toBe(
                true
              )
              break
            case 'wait':
              await new Promise((resolve) => setTimeout(resolve, s.ms))
              break
          }
          const after = await runs()
          expect(after.filter(training).length).toBeLessThanOrEqual(1)
          expect(after.filter((r) => deleted.has(r.id))).toEqual([])
        }
        await settle()
      }),
      { numRuns: 8, endOnFailure: true }
    )
    // Every folder in runs/ is a run the lab can list: nothing half-written.
    const folders = readdirSync(join(home, 'runs')).filter((name) => !name.startsWith('.'))
    expect((await runs()).map((r) => r.id).sort()).toEqual(folders.sort())
    // A deleted run never trains again: no event names it after its deletion...
    const trainingEvents = events.filter(
      (e) => e.name === 'train.status' || e.name === 'train.epoch'
    )
    for (const id of deleted) {
      const last = trainingEvents.findLastIndex(
        (e) => (e.payload as { runId: string }).runId === id
      )
      const deletion = events.findLastIndex(
        (e) => e.name === 'runs.changed' && e.payload.runId === id
      )
      expect(last).toBeLessThan(deletion)
    }
    console.log(
      `[fuzz] valid sequences: ${steps} steps, ${deleted.size} runs deleted, ${folders.length} kept`
    )
  })
})
