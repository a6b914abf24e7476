import type { EngineServices } from './context'
import type { CallHost } from './serve'

/** An engine without file access asks its host for records, datasets and run folders. */
export function remoteServices(call: CallHost): EngineServices {
  return {
    record: (runId) => call('run.get', { runId }),
    dataset: (datasetId) => call('dataset.load', { datasetId }),
    files: (runId) => ({
      writeFolder: async (folder, files) => {
        await call('files.writeFolder', { runId, folder, files: [...files] })
      },
      read: (folder, file) => call('files.read', { runId, folder, file }),
      stamp: (folder, files) => call('files.stamp', { runId, folder, files: [...files] })
    })
  }
}
