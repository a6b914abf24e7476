import { statisticsVerdict } from '../../shared/comparison-verdict'
import type { CliCommand } from '../context'
import { requiredPositional } from '../options'

const percent = (value: number): string => `${(value * 100).toFixed(2)}%`

export const compareCommand: CliCommand = {
  name: 'compare',
  summary:
    'Compare two runs on the same test images: accuracy with 95% Wilson intervals, McNemar’s exact test, train/test gaps.',
  usage: 'lab compare RUN_A RUN_B [--json]',
  options: {},
  async run(ctx, _values, positionals) {
    const runA = requiredPositional(positionals, 0, 'the baseline run (RUN_A; see `lab runs`)')
    const runB = requiredPositional(positionals, 1, 'the run to compare it with (RUN_B)')
    const c = await ctx.request('runs.compare', { runA, runB })
    const gap = (value: number | null): string =>
      value === null ? 'unknown' : `${(value * 100).toFixed(1)} points`
    ctx.print(
      {
        runA: c.runA,
        runB: c.runB,
        accuracyA: c.accuracyA,
        accuracyB: c.accuracyB,
        intervalA: [c.intervalA.low, c.intervalA.high],
        intervalB: [c.intervalB.low, c.intervalB.high],
        mcnemarP: c.mcnemarP,
        gapA: c.gapA,
        gapB: c.gapB
      },
      [
        `${c.runA}: test accuracy ${percent(c.accuracyA)} (95% CI ${percent(c.intervalA.low)}–${percent(c.intervalA.high)}), train/test gap ${gap(c.gapA)}`,
        `${c.runB}: test accuracy ${percent(c.accuracyB)} (95% CI ${percent(c.intervalB.low)}–${percent(c.intervalB.high)}), train/test gap ${gap(c.gapB)}`,
        `McNemar (exact): ${c.onlyA} images only A got right, ${c.onlyB} only B; p = ${c.mcnemarP.toPrecision(3)}.`,
        statisticsVerdict(c.mcnemarP)
      ].join('\n')
    )
  }
}
