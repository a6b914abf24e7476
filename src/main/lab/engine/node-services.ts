import { loadDataset } from '../datasets/load'
import { runDir, type LabPaths } from '../paths'
import { RunStore } from '../runs/store'
import type { EngineServices } from './context'
import { nodeRunFiles } from './node-run-files'
import { nodeStepWorkers } from './parallel/step-pool'

/** The Node engine process reads run records, datasets and run folders from disk itself. */
export function nodeServices(paths: LabPaths, resourcesDir: string): EngineServices {
  return {
    record: (runId) => new RunStore(paths.runs).get(runId),
    dataset: (datasetId) => loadDataset(paths, resourcesDir, datasetId),
    files: (runId) => nodeRunFiles(runDir(paths, runId)),
    stepWorkers: nodeStepWorkers
  }
}
