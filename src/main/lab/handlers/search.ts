/**
 * Host side of the hyperparameter search. A search and its trial pool are one
 * job: one search at a time per lab, and it runs in the background; progress
 * goes out as search.trial and search.status events.
 */
import { LabError, type SearchRecord } from '../../../shared/contract'
import type { HostContext, HostHandlers } from '../context'
import { rungEpochs } from '../search/halving'
import { EnginePool } from '../search/pool'
import { SearchRunner, type DatasetFacts } from '../search/runner'
import { sampleTrialConfig } from '../search/sampling'
import { newSearchId, SearchStore } from '../search/store'

/** The running search per lab (keyed by its run store, one per host). */
const activeSearches = new WeakMap<object, string>()

function storeOf(ctx: HostContext): SearchStore {
  return new SearchStore(ctx.paths.searches)
}

async function datasetFacts(ctx: HostContext, datasetId: string): Promise<DatasetFacts> {
  const facts = await ctx.engine.request('explore.facts', { datasetId })
  return {
    name: facts.name,
    train: facts.counts.train,
    test: facts.counts.test,
    inputSize: facts.inputSize,
    classes: facts.classNames.length
  }
}

/** Starts the runner in the background; the promise is kept by the lab, not the caller. */
function launch(ctx: HostContext, record: SearchRecord, facts: DatasetFacts): void {
  if (!ctx.spawnEngine) {
    throw new LabError(
      'engine_unavailable',
      'This lab cannot start extra engine processes for trials.'
    )
  }
  const current = activeSearches.get(ctx.runs)
  if (current) throw new LabError('busy', `Search ${current} is running; wait for it to end.`)
  activeSearches.set(ctx.runs, record.id)
  const runner = new SearchRunner(
    ctx,
    storeOf(ctx),
    new EnginePool(ctx.spawnEngine, record.parallel),
    record,
    facts
  )
  void runner
    .run()
    .catch((error: unknown) => console.error('[search] ended with an error:', error))
    .finally(() => activeSearches.delete(ctx.runs))
}

/** The search running in this lab, if any. */
export function activeSearch(ctx: HostContext): string | null {
  return activeSearches.get(ctx.runs) ?? null
}

export const searchHandlers: HostHandlers<
  'search.start' | 'search.resume' | 'search.get' | 'search.list'
> = {
  'search.start': async (params, ctx) => {
    const current = activeSearch(ctx)
    if (current) throw new LabError('busy', `Search ${current} is running; wait for it to end.`)
    const facts = await datasetFacts(ctx, params.base.datasetId)
    const now = new Date()
    // One worker thread per trial: the pool already spreads trials over the cores.
    const base = { ...params.base, epochs: params.epochs, workers: 1 }
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
    await storeOf(ctx).save(record)
    launch(ctx, record, facts)
    return { searchId: record.id }
  },
  'search.resume': async ({ searchId }, ctx) => {
    const record = await storeOf(ctx).get(searchId)
    if (record.status === 'completed') {
      throw new LabError(
        'invalid_request',
        `Search ${searchId} has finished; there is nothing to resume.`
      )
    }
    if (activeSearch(ctx) === searchId) {
      throw new LabError('busy', `Search ${searchId} is already running.`)
    }
    const facts = await datasetFacts(ctx, record.base.datasetId)
    launch(ctx, record, facts)
    return { searchId }
  },
  'search.get': ({ searchId }, ctx) => storeOf(ctx).get(searchId),
  'search.list': (_params, ctx) => storeOf(ctx).list()
}
