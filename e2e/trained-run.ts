/**
 * A trained run for the Evaluate, Runs and report tests: one epoch of the
 * seed's MLP on the bundled sample, trained by the lab itself.
 */
import type { RunRecord, TrainConfig } from '../src/shared/contract'
import { seedTrainConfig } from '../src/shared/train-defaults'
import type { LabServer } from './fixtures'

export const oneEpochConfig: TrainConfig = seedTrainConfig({ epochs: 1 })

/** Starts training through the lab's API and waits for the run to complete. */
export async function trainedRun(lab: LabServer, name = 'First run'): Promise<string> {
  const { runId } = await lab.request<{ runId: string }>('train.start', {
    config: oneEpochConfig,
    name
  })
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    const record = await lab.request<RunRecord>('runs.get', { runId })
    if (record.status === 'completed') return runId
    if (['failed', 'diverged', 'stopped', 'interrupted'].includes(record.status)) {
      throw new Error(`training ended as ${record.status}: ${record.message ?? ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('training one epoch took longer than 90 seconds')
}
