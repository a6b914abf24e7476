import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromiumLauncher, findChromium, noChromium } from './launch/chromium'
import { forkLauncher } from './launch/fork'
import type { GpuEngineOption } from './gpu-engine'
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
  /** Let a software adapter (SwiftShader) stand in for a GPU; also MNIST_LAB_ALLOW_SOFTWARE_GPU=1. */
  allowSoftwareGpu?: boolean
}): LabHost {
  const root = join(options.bundleDir, '../..')
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  return new LabHost({
    home: options.home,
    resourcesDir: join(root, 'resources'),
    appVersion: pkg.version,
    backend: options.backend,
    mirrors: options.mirrors,
    launcher: forkLauncher({ entry: join(options.bundleDir, 'engine.js') }),
    gpu: headlessGpuEngine(
      join(root, 'out/renderer'),
      options.allowSoftwareGpu === true || process.env[allowSoftwareGpuEnv] === '1'
    )
  })
}

/** The variable that lets a software adapter (SwiftShader) stand in for a GPU (tests). */
export const allowSoftwareGpuEnv = 'MNIST_LAB_ALLOW_SOFTWARE_GPU'

/** The GPU engine in headless Chromium, or why there is none. */
function headlessGpuEngine(staticDir: string, allowSoftware: boolean): GpuEngineOption {
  const chromiumPath = findChromium()
  if (!chromiumPath) return noChromium()
  return { launcher: chromiumLauncher({ chromiumPath, staticDir, allowSoftware }), allowSoftware }
}
