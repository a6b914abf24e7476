import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { forkLauncher } from './launch/fork'
import { LabHost } from './host'
import type { BackendChoice } from '../../shared/contract'

/**
 * A LabHost outside Electron (web mode and CLI), started from the built bundle
 * in out/main: the engine bundle sits beside it, resources two folders up.
 */
export function createNodeHost(options: {
  home: string
  backend?: BackendChoice
  mirrors?: readonly string[]
  /** The folder of the entry bundle (out/main): shared chunks live elsewhere. */
  bundleDir: string
}): LabHost {
  const root = join(options.bundleDir, '../..')
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  return new LabHost({
    home: options.home,
    resourcesDir: join(root, 'resources'),
    appVersion: pkg.version,
    backend: options.backend,
    mirrors: options.mirrors,
    launcher: forkLauncher({ entry: join(options.bundleDir, 'engine.js') })
  })
}
