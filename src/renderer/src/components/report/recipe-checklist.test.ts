import { describe, expect, it } from 'vitest'
import type { RunRecord } from '../../../../shared/contract'
import { recipeChecklist } from './recipe-checklist'
import { sampleRecord } from '../../../../shared/testing/sample-run'

/** One finished epoch of the seed-like model: the checklist's evidence comes from these numbers. */
const run: RunRecord = sampleRecord({
  config: { ...sampleRecord().config, epochs: 1 },
  epochs: [
    {
      epoch: 1,
      trainLoss: 0.5,
      testLoss: 0.45,
      trainAccuracy: 0.9,
      testAccuracy: 0.88,
      seconds: 2,
      samplesPerSecond: 4000
    }
  ],
  testAccuracy: 0.88,
  durationSeconds: 2,
  checkpointEpoch: 1
})

describe('recipe checklist', () => {
  it('marks what a default one-epoch run did and did not do', () => {
    const items = recipeChecklist(run, null, null)
    expect(items.map((i) => i.done)).toEqual([false, true, true, false, false, false, false])
    expect(items[1].evidence).toContain('ln(10) = 2.303')
    expect(items[2].evidence).toContain('2.310 at the start, 0.500 after 1 epoch.')
    expect(items[4].evidence).toContain('gap 2.0 points')
  })

  it('counts dropout, L2 and changed hyperparameters', () => {
    const tuned: RunRecord = {
      ...run,
      config: {
        ...run.config,
        learningRate: 0.003,
        l2: 0.0001,
        model: { kind: 'mlp', hidden: [{ units: 64, activation: 'relu', dropout: 0.2 }] }
      }
    }
    const items = recipeChecklist(tuned, null, null)
    expect(items[5]).toMatchObject({ done: true, evidence: 'Dropout; L2 0.0001.' })
    expect(items[6].done).toBe(true)
  })

  it('rejects a first loss far from ln(classes): the skeleton is suspect', () => {
    expect(recipeChecklist({ ...run, firstLoss: 9 }, null, null)[1].done).toBe(false)
  })
})
