/**
 * The Tune step's search (issue 13): 8 trials of 2 epochs on the bundled sample
 * with the default space, run by a real LabHost with its engine and trial pool,
 * once with one trial process and once with two, the order alternating each
 * round so both see the same load. It prints the wall-time ratio (goal: at
 * most 0.65), the largest resident size any child process reached (the trial
 * engines; goal: under 400 MB) and how fast the lab's own engine answers
 * `system.info` while a search runs (goal: within 100 ms), asked every 50 ms
 * as the UI's status bar would. The engines run from the built bundle
 * (out/main/engine.js, as the app and the CLI start them) where it exists, else
 * from source under tsx, which starts each trial engine slower; the report says
 * which. Prints one JSON object.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import {
  defaultSearchSpace,
  type LabResponse,
  type RequestName,
  type SearchRecord
} from '../src/shared/contract'
import { seedTrainConfig } from '../src/shared/train-defaults'
import { LabHost } from '../src/main/lab/host'
import { forkLauncher } from '../src/main/lab/launch/fork'
import { realEngineLauncher, repoResourcesDir } from '../src/main/lab/testing/real-engine'
import { spread } from './step-profile'

const rounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 2)
const trials = 8
const epochs = 2
const probeIntervalMs = 50
const rssIntervalMs = 200
const run = promisify(execFile)
const builtEngine = join(__dirname, '../out/main/engine.js')
const engineFrom = existsSync(builtEngine) ? 'bundle' : 'source'

interface SearchRun {
  parallel: number
  wallSeconds: number
  status: string
  /** Round trips of system.info to the lab's own engine during the search. */
  answerMs: number[]
  maxChildRssMb: number
}

/** The largest resident size, in MB, among this process's children now. */
async function childRssMb(): Promise<number> {
  try {
    const { stdout } = await run('ps', ['-o', 'rss=', '--ppid', String(process.pid)])
    const sizes = stdout
      .split('\n')
      .map(Number)
      .filter((n) => n > 0)
    return sizes.length > 0 ? Math.max(...sizes) / 1024 : 0
  } catch {
    return 0
  }
}

async function searchOnce(parallel: number, round: number): Promise<SearchRun> {
  const home = await mkdtemp(join(tmpdir(), 'lab-bench-search-'))
  const host = new LabHost({
    home,
    resourcesDir: repoResourcesDir,
    appVersion: 'bench',
    launcher: engineFrom === 'bundle' ? forkLauncher({ entry: builtEngine }) : realEngineLauncher(),
    backend: 'wasm'
  })
  const ask = async <T>(name: RequestName, params: unknown): Promise<T> => {
    const response = (await host.handle(name, params)) as LabResponse<RequestName>
    if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`)
    return response.value as T
  }
  try {
    await host.start()
    await ask('system.info', {})
    let searchId: string | null = null
    const ended = new Promise<void>((resolve) => {
      const off = host.onEvent((event) => {
        if (event.name !== 'search.status' || event.payload.searchId !== searchId) return
        if (event.payload.status === 'running') return
        off()
        resolve()
      })
    })
    const answerMs: number[] = []
    let maxChildRssMb = 0
    let searching = true
    const probes = (async () => {
      while (searching) {
        const asked = performance.now()
        await ask('system.info', {})
        answerMs.push(performance.now() - asked)
        await new Promise((resolve) => setTimeout(resolve, probeIntervalMs))
      }
    })()
    const sizes = (async () => {
      while (searching) {
        maxChildRssMb = Math.max(maxChildRssMb, await childRssMb())
        await new Promise((resolve) => setTimeout(resolve, rssIntervalMs))
      }
    })()
    searchId = (
      await ask<{ searchId: string }>('search.start', {
        base: seedTrainConfig({ backend: 'wasm', seed: 3 + round }),
        space: defaultSearchSpace,
        trials,
        epochs,
        parallel,
        seed: 3 + round
      })
    ).searchId
    await ended
    searching = false
    await Promise.all([probes, sizes])
    const record = await ask<SearchRecord>('search.get', { searchId })
    return {
      parallel,
      wallSeconds: Number(record.wallSeconds.toFixed(2)),
      status: record.status,
      answerMs,
      maxChildRssMb: Math.round(maxChildRssMb)
    }
  } finally {
    await host.stop()
    await rm(home, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const loadStart = loadavg()
  const runs: SearchRun[] = []
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [1, 2] : [2, 1]
    for (const parallel of order) runs.push(await searchOnce(parallel, round))
  }
  const wall = (parallel: number): number[] =>
    runs.filter((r) => r.parallel === parallel).map((r) => r.wallSeconds)
  const ratios = wall(2).map((seconds, i) => Number((seconds / wall(1)[i]!).toFixed(3)))
  const answers = runs.flatMap((r) => r.answerMs).sort((a, b) => a - b)
  const at = (q: number): number =>
    Number(answers[Math.floor(q * (answers.length - 1))]!.toFixed(1))
  const ratio = spread(ratios)
  console.log(
    JSON.stringify(
      {
        bench: 'search',
        what: `${trials} trials of ${epochs} epochs, default space, mnist-sample, wasm; --parallel 2 over --parallel 1, same seed per round`,
        engineFrom,
        runs: runs.map(({ answerMs, ...rest }) => ({ ...rest, answers: answerMs.length })),
        wallRatioParallel2Over1: ratio,
        ratioGoal: 'at most 0.65',
        ratioMet: ratio.median <= 0.65,
        maxTrialProcessRssMb: Math.max(...runs.map((r) => r.maxChildRssMb)),
        rssGoalMb: 400,
        systemInfoAnswerMs: { median: at(0.5), p95: at(0.95), max: at(1), count: answers.length },
        answerGoalMs: 100,
        loadAverage: { start: loadStart, end: loadavg() }
      },
      null,
      2
    )
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
