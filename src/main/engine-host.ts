import { utilityProcess } from 'electron'
import type { EngineChannel, EngineLauncher } from './lab/launch/channel'
import { engineEnv, type EngineToHost } from './lab/engine/protocol'

/** Starts the engine as an Electron utility process: off the main thread, no Electron APIs. */
export function utilityLauncher(entry: string): EngineLauncher {
  return (options) => {
    const child = utilityProcess.fork(entry, [], {
      serviceName: 'MNIST Lab engine',
      stdio: 'inherit',
      env: {
        ...process.env,
        [engineEnv.home]: options.home,
        [engineEnv.resources]: options.resourcesDir,
        [engineEnv.backend]: options.backend
      }
    })
    // A fatal V8 error in the engine (say tfjs running out of memory) is emitted as
    // 'error' before 'exit'. Unheard, Node's EventEmitter would rethrow it in the
    // main process; the exit that follows is what restarts the engine.
    child.on('error', (type, location) => {
      console.error(`[engine] ${type} at ${location}`)
    })
    const channel: EngineChannel = {
      get pid() {
        return child.pid
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (m: unknown) => listener(m as EngineToHost)),
      onExit: (listener) => child.once('exit', (code) => listener(code, null)),
      kill: () => {
        child.kill()
      }
    }
    return channel
  }
}
