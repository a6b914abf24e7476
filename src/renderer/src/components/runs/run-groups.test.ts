import { describe, expect, it } from 'vitest'
import type { RunRecord } from '../../../../shared/contract'
import { groupRuns } from './run-groups'

const run = (id: string, search?: [string, number]): RunRecord =>
  ({
    id,
    ...(search ? { search: { searchId: search[0], trial: search[1] } } : {})
  }) as RunRecord

describe('groupRuns', () => {
  it("puts a search's trials together in trial order, where its newest run was", () => {
    const groups = groupRuns([
      run('tuned'),
      run('b2', ['s-b', 2]),
      run('a1', ['s-a', 1]),
      run('b0', ['s-b', 0]),
      run('manual'),
      run('a0', ['s-a', 0])
    ])
    expect(groups.map((g) => [g.searchId, g.runs.map((r) => r.id)])).toEqual([
      [null, ['tuned']],
      ['s-b', ['b0', 'b2']],
      ['s-a', ['a0', 'a1']],
      [null, ['manual']]
    ])
  })
})
