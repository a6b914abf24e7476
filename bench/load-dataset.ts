/**
 * How long a cached 70,000-image dataset takes to load (target: under 300 ms).
 * Imports Debian's fashion-mnist into a temporary home, then loads it from the
 * cache with nothing held in memory, several times. Prints JSON.
 *
 * Run: npx tsx bench/load-dataset.ts [folder]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fashionClassNames } from '../src/main/lab/datasets/catalog'
import { importDataset } from '../src/main/lab/datasets/import'
import { evictDataset, loadDataset } from '../src/main/lab/datasets/load'
import { classImages, computeFacts, scalingReport } from '../src/main/lab/engine/data/explore'
import { labPaths } from '../src/main/lab/paths'

const source = process.argv[2] ?? '/usr/share/datasets/fashion-mnist'
const repeats = 5

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await run()
  return { ms: Math.round((performance.now() - start) * 10) / 10, value }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]

async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'mnist-lab-bench-'))
  try {
    const paths = labPaths(home)
    const imported = await timed(() =>
      importDataset(paths, { dir: source, name: 'Fashion bench', classNames: fashionClassNames })
    )
    const id = imported.value.id
    const loads: number[] = []
    for (let i = 0; i < repeats; i++) {
      evictDataset(id)
      loads.push((await timed(() => loadDataset(paths, '/unused', id))).ms)
    }
    const dataset = await loadDataset(paths, '/unused', id)
    const facts = await timed(() => computeFacts(dataset))
    const scaling = await timed(() => scalingReport(dataset, 'standardize'))
    const means = await timed(() => classImages(dataset))
    console.log(
      JSON.stringify(
        {
          source,
          images: dataset.train.count + dataset.test.count,
          importMs: imported.ms,
          coldLoadMs: { first: loads[0], median: median(loads), all: loads },
          targetMs: 300,
          exploreMs: { facts: facts.ms, scalingAfterFacts: scaling.ms, classImages: means.ms }
        },
        null,
        2
      )
    )
  } finally {
    await rm(home, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
