import {
  LabError,
  type RequestName,
  type RequestParams,
  type RequestResult
} from '../shared/contract'
import type { LabHost } from '../main/lab/host'
import type { OptionValues } from './options'

/** What a CLI command gets: the host, and how to speak to the terminal. */
export interface CliContext {
  host: LabHost
  json: boolean
  /** One result: a JSON line with --json, else the human text. */
  print(value: unknown, human: string): void
  /** Progress for people; silent with --json so stdout stays machine-readable. */
  note(text: string): void
  request<K extends RequestName>(name: K, params: RequestParams<K>): Promise<RequestResult<K>>
}

export interface CliCommand {
  name: string
  summary: string
  usage: string
  /** Options for node:util parseArgs besides --json, --home and --backend. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>
  /** Throws UsageError for arguments it cannot act on, before its first request. */
  run(ctx: CliContext, values: OptionValues, positionals: string[]): Promise<void>
}

/**
 * The host starts (folders, interrupted runs, the engine) on the first request,
 * so a command that stops at its arguments never starts an engine.
 */
export function makeContext(host: LabHost, json: boolean): CliContext {
  let started: Promise<void> | null = null
  return {
    host,
    json,
    print(value, human) {
      process.stdout.write(json ? JSON.stringify(value) + '\n' : human + '\n')
    },
    note(text) {
      if (!json) process.stderr.write(text + '\n')
    },
    async request(name, params) {
      started ??= host.start()
      await started
      const response = await host.handle(name, params)
      if (!response.ok) throw LabError.from(response.error)
      return response.value as RequestResult<typeof name>
    }
  }
}
