/**
 * The process that writes a run is killed at the worst moments: while a
 * checkpoint is written, while run.json is replaced, and between the two.
 * After a restart the run is readable, marked interrupted, and resumes from
 * its last complete checkpoint.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { AnyLabEvent, RunRecord } from '../../shared/contract'
import { seedTrainConfig } from '../../shared/train-defaults'
import { LabHost } from './host'
import { checkpointFolder, progressFileName } from './runs/layout'
import type { HostProcessMessage } from './testing/host-process'
import { realEngineLauncher, repoResourcesDir } from './testing/real-engine'

const homes: string[] = []
afterAll(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true })
})

const epochs = 4
const config = seedTrainConfig({ epochs, trainFraction: 0.128, batchSize: 128, workers: 1 })

/**
 * Starts a run in a host process with `fault` set, and waits until the fault
 * has struck: the host process died, or its engine did.
 */
async function trainUntilFault(home: string, fault: string): Promise<void> {
  const child = fork(join(__dirname, 'testing/host-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LAB_HOME: home, MNIST_LAB_FAULT: fault },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const struck = new Promise<string>((resolve) => {
    child.once('exit', (_code, signal) => resolve(`host ${signal ?? 'exit'}`))
    child.on('message', (message: HostProcessMessage) => {
      if (message.type === 'ready') child.send({ id: 1, name: 'train.start', params: { config } })
      if (message.type === 'answer' && !message.response.ok)
        resolve(`refused: ${message.response.error.message}`)
      const event: AnyLabEvent | undefined = message.type === 'event' ? message.event : undefined
      if (event?.name === 'engine.status' && event.payload.state === 'crashed')
        resolve('engine killed')
      if (event?.name === 'train.status' && event.payload.status === 'completed')
        resolve('completed')
    })
  })
  const outcome = await struck
  expect(outcome === 'host SIGKILL' || outcome === 'engine killed', outcome).toBe(true)
  // The power cut takes the whole app: whatever survived the fault goes too.
  child.kill('SIGKILL')
  await exited
}

/** Opens the home as a restarted app does. */
async function restart(home: string): Promise<LabHost> {
  const host = new LabHost({
    home,
    resourcesDir: repoResourcesDir,
    appVersion: 'fault-test',
    launcher: realEngineLauncher()
  })
  await host.start()
  return host
}

async function onlyRun(host: LabHost): Promise<RunRecord> {
  const runs = await host.handle('runs.list', {})
  if (!runs.ok) throw new Error(runs.error.message)
  expect(runs.value).toHaveLength(1)
  return (runs.value as RunRecord[])[0]!
}

/** The run after a restart: readable, interrupted, in step with its checkpoint, then resumed to the end. */
async function expectRecoversAndResumes(home: string): Promise<number> {
  const host = await restart(home)
  try {
    expect(await host.handle('runs.damaged', {})).toEqual({ ok: true, value: [] })
    const run = await onlyRun(host)
    expect(run.status).toBe('interrupted')
    const folder = join(home, 'runs', run.id)
    // Nothing half-written is left beside the run's files.
    expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual([])
    const progress = JSON.parse(
      readFileSync(join(folder, checkpointFolder, progressFileName), 'utf8')
    ) as { epoch: number }
    expect(run.checkpointEpoch).toBe(progress.epoch)
    expect(run.epochs.map((e) => e.epoch)).toEqual(
      Array.from({ length: progress.epoch }, (_, i) => i + 1)
    )

    expect((await host.handle('runs.resume', { runId: run.id })).ok).toBe(true)
    await vi.waitFor(async () => expect((await onlyRun(host)).status).toBe('completed'), {
      timeout: 120_000,
      interval: 250
    })
    const done = await onlyRun(host)
    expect(done.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4])
    expect(done.checkpointEpoch).toBe(epochs)
    return progress.epoch
  } finally {
    await host.stop()
  }
}

function freshHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'lab-faults-'))
  homes.push(home)
  return home
}

describe('the writer killed at the worst moment', () => {
  it(
    'while a checkpoint is being written: resumes from the checkpoint before it',
    { timeout: 240_000 },
    async () => {
      const home = freshHome()
      // weights.bin is written twice an epoch (checkpoint, then model): the third is epoch 2's checkpoint.
      await trainUntilFault(home, 'write:weights.bin=kill@3')
      expect(await expectRecoversAndResumes(home)).toBe(1)
    }
  )

  it(
    'between the checkpoint and run.json: takes the epoch from the checkpoint',
    { timeout: 240_000 },
    async () => {
      const home = freshHome()
      await trainUntilFault(home, 'replaced:checkpoint=kill@2')
      expect(await expectRecoversAndResumes(home)).toBe(2)
    }
  )

  it(
    'while run.json is being replaced: the old run.json stands and the run resumes',
    { timeout: 240_000 },
    async () => {
      const home = freshHome()
      // The sixth replacement of run.json falls after the first epoch.
      await trainUntilFault(home, 'rename:run.json=kill@6')
      expect(await expectRecoversAndResumes(home)).toBeGreaterThanOrEqual(1)
    }
  )
})
