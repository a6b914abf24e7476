import { describe, expect, it } from 'vitest'
import type { RunRecord, SearchRecord } from '../../../../shared/contract'
import { recipeChecklist } from './recipe-checklist'
import { sampleRecord } from '../../../../shared/testing/sample-run'
import { setLocale } from '../../i18n'

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

  it('marks Regularize done only for a variant that narrowed its baseline’s gap', () => {
    const variant: RunRecord = {
      ...run,
      baseline: { runId: 'base-1', lever: 'dropout' },
      comparison: {
        baselineRunId: 'base-1',
        mcnemarP: 0.2,
        gapBaseline: 0.05,
        gapVariant: 0.02,
        accuracyBaseline: 0.9,
        accuracyVariant: 0.91
      }
    }
    expect(recipeChecklist(variant, null, null)[5]).toMatchObject({ done: true })
    expect(recipeChecklist(variant, null, null)[5]!.evidence).toContain(
      '5.0 points in the baseline, 2.0 points here'
    )
    const wider = { ...variant, comparison: { ...variant.comparison!, gapVariant: 0.08 } }
    expect(recipeChecklist(wider, null, null)[5]!.done).toBe(false)
    expect(recipeChecklist({ ...variant, comparison: undefined }, null, null)[5]!.done).toBe(false)
  })

  it('counts neither dropout or L2 alone as regularization, nor changed settings as tuning', () => {
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
    expect(items[5]!.done).toBe(false)
    // Changed settings alone are not tuning: a search has to choose them.
    expect(items[6].done).toBe(false)
  })

  it("marks Tune done for a run that trains a finished search's best configuration fully", () => {
    const tunedFrom = { searchId: 's-20260101-000000-abcdef', trial: 3 }
    const search = {
      id: tunedFrom.searchId,
      status: 'completed',
      trials: 8,
      best: { validationAccuracy: 0.9412 }
    }
    const items = recipeChecklist(
      { ...run, tunedFrom },
      null,
      null,
      search as unknown as SearchRecord
    )
    expect(items[6]).toMatchObject({ done: true })
    expect(items[6].evidence).toContain(
      'The best of search s-20260101-000000-abcdef (8 trials, validation accuracy 94.1%), trial 4, trained fully'
    )
    const unfinished = { ...search, status: 'interrupted' } as unknown as SearchRecord
    expect(recipeChecklist({ ...run, tunedFrom }, null, null, unfinished)[6].done).toBe(false)
  })

  it('rejects a first loss far from ln(classes): the skeleton is suspect', () => {
    expect(recipeChecklist({ ...run, firstLoss: 9 }, null, null)[1].done).toBe(false)
  })
})

describe('recipe checklist in German', () => {
  it('words every step in German, with decimal commas', () => {
    setLocale('de')
    try {
      const items = recipeChecklist(run, null, null)
      expect(items[1].step).toBe('2. Gerüst: Loss nach der Initialisierung')
      expect(items[1].evidence).toContain('ln(10) = 2,303')
      expect(items[2].evidence).toBe('Trainings-Loss 2,310 zu Beginn, 0,500 nach 1 Epoche.')
      expect(items[4].evidence).toContain('Accuracy Training 90,0\u00a0%, Test 88,0\u00a0%')
    } finally {
      setLocale('en')
    }
  })
})
