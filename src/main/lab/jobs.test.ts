import { describe, expect, it } from 'vitest'
import { LabError } from '../../shared/contract'
import { JobRunningError, JobSlot } from './jobs'

describe('JobSlot: one job at a time', () => {
  it('refuses a second job with a typed error that names the running one', () => {
    const jobs = new JobSlot()
    const claim = jobs.begin('training', 'run "MLP 64-64-64"')
    let refusal: unknown
    try {
      jobs.begin('lr-sweep', 'sweep')
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(JobRunningError)
    expect(refusal).toBeInstanceOf(LabError)
    expect((refusal as JobRunningError).code).toBe('job_running')
    expect((refusal as JobRunningError).running).toBe(claim.job)
    expect((refusal as Error).message).toBe(
      'The lab runs one job at a time, and a training run is running (run "MLP 64-64-64"). ' +
        'Stop it or wait for it to finish before starting a learning-rate sweep.'
    )
    expect(jobs.running()).toBe(claim.job)
  })

  it('frees the slot when a job ends, and only that job can free it', () => {
    const jobs = new JobSlot()
    const first = jobs.begin('overfit-batch', 'one batch of 32')
    first.end()
    const second = jobs.begin('learning-curve', 'fractions 0.1-1')
    // A late end of the first job (say, a repeated status event) leaves the second one alone.
    first.end()
    expect(jobs.running()).toBe(second.job)
    expect(() => jobs.begin('training', 'x')).toThrow(/a learning curve is running/)
  })

  it('holds the slot for the life of run(), and frees it when the work fails', async () => {
    const jobs = new JobSlot()
    let release: () => void = () => undefined
    const running = jobs.run(
      'learning-curve',
      'curve',
      () => new Promise<void>((r) => (release = r))
    )
    await expect(jobs.run('training', 'run', async () => 1)).rejects.toMatchObject({
      code: 'job_running'
    })
    release()
    await running
    await expect(
      jobs.run('lr-sweep', 'sweep', async () => {
        throw new Error('diverged')
      })
    ).rejects.toThrow('diverged')
    expect(jobs.running()).toBeNull()
    await expect(jobs.run('training', 'run', async () => 'trained')).resolves.toBe('trained')
  })

  it('launch() keeps the slot after a start that succeeds, and frees it after one that fails', async () => {
    const jobs = new JobSlot()
    await expect(
      jobs.launch('search', 'search s-3', async () => {
        throw new Error('no such dataset')
      })
    ).rejects.toThrow('no such dataset')
    expect(jobs.running()).toBeNull()
    const claim = await jobs.launch('search', 'search s-4', async (c) => c)
    expect(jobs.running()).toBe(claim.job)
    expect(() => jobs.begin('lr-sweep', 'sweep')).toThrow(/a search is running \(search s-4\)/)
    claim.end()
    expect(jobs.running()).toBeNull()
  })

  it('counts a search and its trials as one job: the trials run under the search claim', async () => {
    const jobs = new JobSlot()
    await jobs.run('search', 'search s-1', async (claim) => {
      claim.update({ label: 'search s-1, trials 1-2 of 8' })
      expect(() => jobs.begin('training', 'run')).toThrow(
        /a search is running \(search s-1, trials 1-2 of 8\)/
      )
    })
    expect(jobs.running()).toBeNull()
  })

  it('refuses an engine restart while any job runs, naming it', () => {
    const jobs = new JobSlot()
    expect(() => jobs.refuseWhileRunning('switch backends')).not.toThrow()
    const claim = jobs.begin('search', 'search s-2')
    expect(() => jobs.refuseWhileRunning('switch backends')).toThrow(
      'A search is running (search s-2); stop it or wait for it to finish before you switch backends.'
    )
    claim.update({ label: 'search s-2, trial 3' })
    expect(() => jobs.refuseWhileRunning('switch backends')).toThrow(/search s-2, trial 3/)
  })
})
