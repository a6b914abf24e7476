import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export interface LabPaths {
  home: string
  datasets: string
  runs: string
  searches: string
}

/** Where the lab keeps its data: --home, then MNIST_LAB_HOME, then ~/.mnist-lab. */
export function resolveHome(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = explicit ?? env.MNIST_LAB_HOME
  return resolve(chosen && chosen.trim() !== '' ? chosen : join(homedir(), '.mnist-lab'))
}

export function labPaths(home: string): LabPaths {
  return {
    home,
    datasets: join(home, 'datasets'),
    runs: join(home, 'runs'),
    searches: join(home, 'searches')
  }
}

export function datasetDir(paths: LabPaths, id: string): string {
  return join(paths.datasets, id)
}

export function runDir(paths: LabPaths, runId: string): string {
  return join(paths.runs, runId)
}
