import { fork } from 'node:child_process'
import { engineEnv, type EngineToHost } from '../engine/protocol'
import type { EngineChannel, EngineLauncher } from './channel'

export interface ForkOptions {
  /** The engine entry: out/main/engine.js when built, or the .ts source under tsx. */
  entry: string
  execArgv?: string[]
}

/** Starts the engine as a Node child process (web mode, CLI, tests). */
export function forkLauncher({ entry, execArgv = [] }: ForkOptions): EngineLauncher {
  return (options) => {
    const child = fork(entry, [], {
      execArgv,
      env: {
        ...process.env,
        [engineEnv.home]: options.home,
        [engineEnv.resources]: options.resourcesDir,
        [engineEnv.backend]: options.backend
      },
      // The engine reports over IPC; its stdout/stderr stay visible for diagnosis.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced'
    })
    // A send racing the child's death fails with EPIPE; the exit handler reports it.
    child.on('error', () => undefined)
    const channel: EngineChannel = {
      pid: child.pid,
      send: (message) => {
        if (child.connected) child.send(message, () => undefined)
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as EngineToHost)),
      onExit: (listener) => child.once('exit', (code, signal) => listener(code, signal)),
      kill: () => {
        child.kill('SIGKILL')
      }
    }
    return channel
  }
}
