import type { CliCommand } from '../context'
import { requiredPositional } from '../options'

export const exploreCommand: CliCommand = {
  name: 'explore',
  summary:
    "A dataset's facts: sizes, shape, storage, value range, mean pixel and images per class.",
  usage: 'lab explore <id> [--json] [--home DIR]',
  options: {},
  async run(ctx, _values, positionals) {
    const datasetId = requiredPositional(
      positionals,
      0,
      'the dataset to explore (see `lab datasets`)'
    )
    const facts = await ctx.request('explore.facts', { datasetId })
    const width = Math.max(5, ...facts.classNames.map((c) => c.length))
    const lines = [
      `${facts.name} (${facts.id})`,
      `Samples:     ${facts.counts.total} (${facts.counts.train} train, ${facts.counts.test} test)`,
      `Input:       ${facts.imageShape[0]}x${facts.imageShape[1]} = ${facts.inputSize} values`,
      `Storage:     ${facts.storage.dtype}, ${facts.storage.container}`,
      `Labels:      ${facts.labelType}`,
      `Value range: ${facts.valueRange.min} to ${facts.valueRange.max}, mean pixel ${facts.meanPixel.toFixed(2)}`,
      `Split:       ${facts.splitNote}`,
      '',
      `${'class'.padEnd(width)}  ${'train'.padStart(6)}  ${'test'.padStart(6)}`,
      ...facts.classNames.map(
        (c, i) =>
          `${c.padEnd(width)}  ${String(facts.classCounts.train[i]).padStart(6)}  ${String(facts.classCounts.test[i]).padStart(6)}`
      ),
      `Imbalance (largest / smallest class): train ${facts.imbalanceRatio.train.toFixed(2)}, test ${facts.imbalanceRatio.test.toFixed(2)}`
    ]
    ctx.print(facts, lines.join('\n'))
  }
}
