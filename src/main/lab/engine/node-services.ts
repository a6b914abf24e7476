import { loadDataset } from '../datasets/load'
import { runDir, type LabPaths } from '../paths'
import { RunStore } from '../runs/store'
import type { EngineServices } from './context'
import { nodeRunFiles } from './node-run-files'
import type { RunFiles } from './run-files'
import { nodeStepWorkers } from './parallel/step-pool'

/**
 * The Node engine process reads run records, datasets and run folders from disk
 * itself. It writes a run's folder only while its host is there: an engine
 * outliving a killed lab must not write into a run that a restarted lab has
 * already put right and may be resuming.
 */
export function nodeServices(
  paths: LabPaths,
  resourcesDir: string,
  whileHostConnected: () => Promise<void>
): EngineServices {
  const files = (runId: string): RunFiles => {
    const onDisk = nodeRunFiles(runDir(paths, runId))
    return {
      ...onDisk,
      writeFolder: async (folder, contents) => {
        await whileHostConnected()
        await onDisk.writeFolder(folder, contents)
      }
    }
  }
  return {
    record: (runId) => new RunStore(paths.runs).get(runId),
    dataset: (datasetId) => loadDataset(paths, resourcesDir, datasetId),
    files,
    stepWorkers: nodeStepWorkers
  }
}
