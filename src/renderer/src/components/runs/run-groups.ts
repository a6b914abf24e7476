/**
 * The Runs table's rows in groups: each run on its own, except a search's trial
 * runs, which sit together under their search, in trial order. A group takes
 * the place of its newest run, so the list stays newest first.
 */
import type { RunRecord } from '../../../../shared/contract'

export interface RunGroup {
  /** The search the runs are trials of; null for a run of its own. */
  searchId: string | null
  runs: RunRecord[]
}

export function groupRuns(runs: readonly RunRecord[]): RunGroup[] {
  const groups: RunGroup[] = []
  const bySearch = new Map<string, RunGroup>()
  for (const run of runs) {
    const searchId = run.search?.searchId
    if (!searchId) {
      groups.push({ searchId: null, runs: [run] })
      continue
    }
    let group = bySearch.get(searchId)
    if (!group) {
      group = { searchId, runs: [] }
      bySearch.set(searchId, group)
      groups.push(group)
    }
    group.runs.push(run)
  }
  for (const group of bySearch.values()) {
    group.runs.sort((a, b) => a.search!.trial - b.search!.trial)
  }
  return groups
}
