import type { CliCommand } from '../context'
import { percent } from '../format'
import { UsageError } from '../options'


export const ensembleCommand: CliCommand = {
  name: 'ensemble',
  summary:
    'Evaluate runs as an ensemble on the test split: their averaged probabilities, beside the best member.',
  usage: 'lab ensemble RUN_ID RUN_ID [RUN_ID ...] [--json]',
  options: {},
  async run(ctx, _values, positionals) {
    if (positionals.length < 2) {
      throw new UsageError('Name at least two runs to ensemble (see `lab runs`).')
    }
    const result = await ctx.request('ensemble.evaluate', { runIds: positionals })
    const { evaluation, bestMember } = result
    ctx.print(
      {
        accuracy: evaluation.accuracy,
        macroF1: evaluation.macroF1,
        bestMemberAccuracy: bestMember.accuracy,
        bestMember: bestMember.runId,
        members: result.members
      },
      [
        ...result.members.map(
          (m) =>
            `  ${m.runId}  ${m.name}: accuracy ${percent(m.accuracy)}, macro F1 ${m.macroF1.toFixed(3)}`
        ),
        `Ensemble of ${result.members.length}: accuracy ${percent(evaluation.accuracy)}, macro F1 ${evaluation.macroF1.toFixed(3)}` +
          ` (best member ${percent(bestMember.accuracy)}, ${evaluation.accuracy >= bestMember.accuracy ? '+' : ''}${((evaluation.accuracy - bestMember.accuracy) * 100).toFixed(2)} points).`
      ].join('\n')
    )
  }
}
