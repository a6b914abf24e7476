/**
 * Host side of the hyperparameter search. A search and its trial pool are one
 * of the lab's jobs (jobs.ts): they hold one claim, taken when the search is
 * asked for and ended when it ends; the trials never ask for a slot. It runs
 * in the background; progress
 * goes out as search.trial and search.status events.
 */
import { LabError, type SearchRecord } from '../../../shared/contract'
import type { HostContext, HostHandlers } from '../context'
import type { JobClaim } from '../jobs'
import { rungEpochs } from '../search/halving'
import { EnginePool } from '../search/pool'
import { SearchRunner } from '../search/runner'
import { sampleTrialConfig } from '../search/sampling'
import { newSearchId, SearchStore } from '../search/store'

function storeOf(ctx: HostContext): SearchStore {
  return new SearchStore(ctx.paths.searches)
}

/**
 * The search's trial engines, the first one started: it reads the dataset's
 * facts, which fails early, before any trial, for a dataset that is not on
 * disk. A trial engine does it, not the UI's: it loads the dataset for its
 * trials anyway, and the UI's engine stays free to answer. `prepare`, if any, runs next;
 * should either fail, the engines stop.
 */
async function readyPool(
  ctx: HostContext,
  record: SearchRecord,
  prepare: () => Promise<void> = async () => undefined
): Promise<EnginePool> {
  if (!ctx.spawnEngine) {
    throw new LabError(
      'engine_unavailable',
      'This lab cannot start extra engine processes for trials.',
      { key: 'tune.errors.noTrialEngines' }
    )
  }
  const pool = new EnginePool(ctx.spawnEngine, record.parallel)
  pool.startAll(record.trialRecords.length)
  try {
    const datasetId = record.base.datasetId
    await pool.once((slot) => slot.engine.request('explore.facts', { datasetId }))
    await prepare()
    return pool
  } catch (error) {
    await pool.close()
    throw error
  }
}

/**
 * Starts the runner in the background under the search's job claim, which it
 * ends when the search ends; the promise is kept by the lab, not the caller.
 */
function launch(ctx: HostContext, claim: JobClaim, pool: EnginePool, record: SearchRecord): void {
  const runner = new SearchRunner(ctx, storeOf(ctx), pool, record)
  void runner
    .run()
    .catch((error: unknown) => console.error('[search] ended with an error:', error))
    .finally(() => claim.end())
}

/**
 * A search whose file says it runs while this lab runs no such job was cut off
 * (the lab quit or crashed): it shows as interrupted, ready to resume.
 */
function asSeen(ctx: HostContext, record: SearchRecord): SearchRecord {
  if (record.status !== 'running') return record
  const job = ctx.jobs.running()
  if (job?.kind === 'search' && job.searchId === record.id) return record
  return { ...record, status: 'interrupted' }
}

export const searchHandlers: HostHandlers<
  'search.start' | 'search.resume' | 'search.get' | 'search.list'
> = {
  // The job slot is taken before the first await: a second start is refused at once.
  'search.start': (params, ctx) =>
    ctx.jobs.launch('search', `a new search on ${params.base.datasetId}`, async (claim) => {
      const now = new Date()
      const base = { ...params.base, epochs: params.epochs }
      const record: SearchRecord = {
        ...params,
        base,
        id: newSearchId(now),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        status: 'running',
        rungs: rungEpochs(params.epochs),
        trialRecords: Array.from({ length: params.trials }, (_, trial) => ({
          trial,
          config: sampleTrialConfig(params.space, base, params.seed, trial),
          runId: null,
          status: 'pending' as const,
          validationAccuracy: null,
          scores: [],
          epochs: 0,
          stoppedAtRung: null,
          seconds: 0
        })),
        best: null,
        bestTestAccuracy: null,
        wallSeconds: 0
      }
      claim.update({ label: `search ${record.id}`, searchId: record.id })
      const pool = await readyPool(ctx, record, () => storeOf(ctx).save(record))
      launch(ctx, claim, pool, record)
      return { searchId: record.id }
    }),
  'search.resume': ({ searchId }, ctx) =>
    ctx.jobs.launch('search', `search ${searchId}`, async (claim) => {
      claim.update({ searchId })
      const record = await storeOf(ctx).get(searchId)
      if (record.status === 'completed') {
        throw new LabError(
          'invalid_request',
          `Search ${searchId} has finished; there is nothing to resume.`,
          { key: 'tune.errors.searchFinished', params: { id: searchId } }
        )
      }
      const pool = await readyPool(ctx, record)
      launch(ctx, claim, pool, record)
      return { searchId }
    }),
  'search.get': async ({ searchId }, ctx) => asSeen(ctx, await storeOf(ctx).get(searchId)),
  'search.list': async (_params, ctx) =>
    (await storeOf(ctx).list()).map((record) => asSeen(ctx, record))
}
