/**
 * Comparing a baseline run with a variant on the same test images: accuracies
 * with Wilson intervals, McNemar's exact test on the per-image predictions, and
 * each run's train/test gap. Refused for runs that were not tested alike.
 */
import { LabError, type RunComparison, type RunRecord } from '../../../shared/contract'
import { trainTestGap } from '../../../shared/epoch-figures'
import { disagreements, mcnemarExact, wilsonInterval } from '../../../shared/statistics'
import type { HostContext, HostHandlers } from '../context'

/** Why two runs cannot be compared, or null when they can. */
export function comparisonRefusal(a: RunRecord, b: RunRecord): LabError | null {
  if (a.id === b.id) {
    return new LabError('invalid_request', 'Choose two different runs to compare.', {
      key: 'regularize.errors.compareSameRun'
    })
  }
  if (a.datasetId !== b.datasetId) {
    return new LabError(
      'invalid_request',
      `The runs were trained on different datasets (${a.datasetName} and ${b.datasetName}); their test accuracies measure different things.`,
      {
        key: 'regularize.errors.compareDatasets',
        params: { datasetA: a.datasetName, datasetB: b.datasetName }
      }
    )
  }
  if (a.split.test !== b.split.test) {
    return new LabError(
      'invalid_request',
      `The runs were tested on different test splits (${a.split.test} and ${b.split.test} images); McNemar's test needs the same images.`,
      {
        key: 'regularize.errors.compareSplits',
        params: { testA: a.split.test, testB: b.split.test }
      }
    )
  }
  for (const run of [a, b]) {
    if (run.testAccuracy === null) {
      return new LabError(
        'invalid_request',
        `Run "${run.name}" has no final test figures yet: let it finish (or stop it) first.`,
        { key: 'regularize.errors.compareUnfinished', params: { name: run.name } }
      )
    }
  }
  return null
}

async function compareRuns(ctx: HostContext, runA: string, runB: string): Promise<RunComparison> {
  const [a, b] = await Promise.all([ctx.runs.get(runA), ctx.runs.get(runB)])
  const refusal = comparisonRefusal(a, b)
  if (refusal) throw refusal
  const predictionsA = await ctx.engine.request('evaluate.predictions', {
    runId: runA,
    split: 'test'
  })
  const predictionsB = await ctx.engine.request('evaluate.predictions', {
    runId: runB,
    split: 'test'
  })
  const labels = predictionsA.labels
  if (
    predictionsB.labels.length !== labels.length ||
    predictionsB.labels.some((l, i) => l !== labels[i])
  ) {
    throw new LabError(
      'invalid_request',
      'The runs’ test splits hold different images, so they cannot be compared image by image.',
      { key: 'regularize.errors.testSplitsDiffer' }
    )
  }
  const correct = (predicted: number[]): number =>
    predicted.filter((p, i) => p === labels[i]).length
  const rightA = correct(predictionsA.predicted)
  const rightB = correct(predictionsB.predicted)
  const counts = disagreements(labels, predictionsA.predicted, predictionsB.predicted)
  const comparison: RunComparison = {
    runA,
    runB,
    accuracyA: rightA / labels.length,
    accuracyB: rightB / labels.length,
    intervalA: wilsonInterval(rightA, labels.length),
    intervalB: wilsonInterval(rightB, labels.length),
    onlyA: counts.onlyA,
    onlyB: counts.onlyB,
    mcnemarP: mcnemarExact(counts),
    gapA: trainTestGap(a),
    gapB: trainTestGap(b),
    testCount: labels.length
  }
  if (b.baseline?.runId === a.id) {
    await ctx.runs.update(b.id, (record) => {
      record.comparison = {
        baselineRunId: a.id,
        mcnemarP: comparison.mcnemarP,
        gapBaseline: comparison.gapA,
        gapVariant: comparison.gapB,
        accuracyBaseline: comparison.accuracyA,
        accuracyVariant: comparison.accuracyB
      }
    })
    ctx.emit('runs.changed', { runId: b.id })
  }
  return comparison
}

export const compareHandlers: HostHandlers<'runs.compare'> = {
  'runs.compare': ({ runA, runB }, ctx) => compareRuns(ctx, runA, runB)
}
