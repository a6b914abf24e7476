import { describe, expect, it } from 'vitest'
import type { TrialRecord } from '../../../../shared/contract'
import { seedTrainConfig } from '../../../../shared/train-defaults'
import { parallelCoordinates } from './parallel-coordinates'

function trial(
  index: number,
  learningRate: number,
  batchSize: number,
  accuracy: number | null
): TrialRecord {
  return {
    trial: index,
    config: { ...seedTrainConfig(), learningRate, batchSize },
    runId: null,
    status: accuracy === null ? 'pending' : 'completed',
    validationAccuracy: accuracy,
    scores: accuracy === null ? [] : [accuracy],
    epochs: accuracy === null ? 0 : 1,
    stoppedAtRung: null,
    seconds: 0
  }
}

describe('parallel coordinates of trials', () => {
  const view = parallelCoordinates([
    trial(0, 1e-4, 64, 0.8),
    trial(1, 1e-3, 128, 0.9),
    trial(2, 1e-2, 256, 0.85),
    trial(3, 1e-3, 64, null)
  ])

  it('draws only trials with a validation accuracy', () => {
    expect(view.lines.map((l) => l.trial)).toEqual([0, 1, 2])
  })

  it('spans each axis over the values taken, rates and batch sizes on a log scale', () => {
    const at = (name: string): number => view.axes.findIndex((a) => a.name === name)
    expect(view.axes[at('rate')]).toMatchObject({ min: 1e-4, max: 1e-2 })
    // 1e-3 is halfway between 1e-4 and 1e-2 in log, 128 halfway between 64 and 256.
    expect(view.lines[1]!.heights[at('rate')]).toBeCloseTo(0.5, 10)
    expect(view.lines[1]!.heights[at('batch')]).toBeCloseTo(0.5, 10)
    expect(view.lines[0]!.heights[at('accuracy')]).toBe(0)
    expect(view.lines[1]!.heights[at('accuracy')]).toBe(1)
    expect(view.lines[2]!.heights[at('accuracy')]).toBeCloseTo(0.5, 10)
    // Every trial has the seed's three hidden layers: the axis has one value, drawn mid-height.
    expect(view.lines.map((l) => l.heights[at('depth')])).toEqual([0.5, 0.5, 0.5])
    expect(view.lines[2]!.values[at('depth')]).toBe(3)
  })
})
