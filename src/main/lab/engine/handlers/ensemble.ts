/** Engine side of ensembles: members' test-split probabilities, averaged and scored. */
import { LabError, type EnsembleMember, type RunRecord } from '../../../../shared/contract'
import { summarize, confusionMatrix } from '../../../../shared/metrics'
import { RunStore } from '../../runs/store'
import type { EngineHandlers } from '../context'
import { averagePredictions } from '../evaluate/ensemble'
import { summarizePredictions } from '../evaluate/evaluate'
import { splitPredictions } from './evaluate'

/** Members must share dataset and split, or their probabilities describe different images. */
function checkComparable(records: readonly RunRecord[]): void {
  const [first, ...rest] = records
  for (const r of rest) {
    if (r.datasetId !== first!.datasetId) {
      throw new LabError(
        'invalid_request',
        `Run ${r.name} was trained on ${r.datasetName}, run ${first!.name} on ${first!.datasetName}: an ensemble needs one dataset.`,
        {
          key: 'tune.errors.ensembleDatasets',
          params: {
            run: r.name,
            dataset: r.datasetName,
            other: first!.name,
            otherDataset: first!.datasetName
          }
        }
      )
    }
    if (r.split.train !== first!.split.train || r.split.test !== first!.split.test) {
      const split = `${r.split.train}/${r.split.test}`
      const otherSplit = `${first!.split.train}/${first!.split.test}`
      throw new LabError(
        'invalid_request',
        `Run ${r.name} used another split (${split}) than run ${first!.name} (${otherSplit}).`,
        {
          key: 'tune.errors.ensembleSplits',
          params: { run: r.name, split, other: first!.name, otherSplit }
        }
      )
    }
  }
}

export const ensembleHandlers: EngineHandlers<'ensemble.evaluate'> = {
  'ensemble.evaluate': async ({ runIds }, ctx) => {
    const store = new RunStore(ctx.paths.runs)
    const records = await Promise.all(runIds.map((id) => store.get(id)))
    checkComparable(records)
    const members = []
    for (const id of runIds) members.push(await splitPredictions(id, 'test', ctx))
    const labels = members[0]!.data.labels
    const ensemble = averagePredictions(members.map((m) => m.predictions))
    const scored: EnsembleMember[] = members.map((m, i) => {
      const summary = summarizePredictions(m.predictions, labels, 'test')
      return {
        runId: runIds[i]!,
        name: records[i]!.name,
        accuracy: summary.accuracy,
        macroF1: summary.macroF1
      }
    })
    const bestMember = scored.reduce((a, b) => (b.accuracy > a.accuracy ? b : a))
    return {
      evaluation: summarize(
        'test',
        confusionMatrix(labels, ensemble.predicted, ensemble.classCount)
      ),
      classNames: members[0]!.classNames,
      members: scored,
      bestMember
    }
  }
}
