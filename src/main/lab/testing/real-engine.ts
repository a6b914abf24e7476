import { join } from 'node:path'
import { forkLauncher } from '../launch/fork'
import type { EngineLauncher } from '../launch/channel'

/** The real engine entry, run from source under tsx, as tests start it. */
export function realEngineLauncher(): EngineLauncher {
  return forkLauncher({
    entry: join(__dirname, '../engine/process.ts'),
    execArgv: ['--import', 'tsx']
  })
}

export const repoResourcesDir = join(__dirname, '../../../../resources')
