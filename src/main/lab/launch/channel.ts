import type { EngineStartOptions, EngineToHost, HostToEngine } from '../engine/protocol'

/**
 * A running engine process, whatever started it: Electron's utilityProcess in
 * the app, Node's child_process in web mode, the CLI and tests.
 */
export interface EngineChannel {
  readonly pid: number | undefined
  send(message: HostToEngine): void
  onMessage(listener: (message: EngineToHost) => void): void
  /** Called once, when the process is gone for whatever reason. */
  onExit(listener: (code: number | null, signal: string | null) => void): void
  kill(): void
}

export type EngineLauncher = (options: EngineStartOptions) => EngineChannel
