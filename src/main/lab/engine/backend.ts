/**
 * Picks the tfjs backend, best first (DESIGN.md, Engine): TensorFlow with CUDA,
 * TensorFlow on the CPU, WebAssembly with SIMD, plain JavaScript. Every better
 * backend that did not load gets a sentence saying why, for the System panel.
 */
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import type {
  BackendAttempt,
  BackendChoice,
  BackendName,
  LabErrorText
} from '../../../shared/contract'
import { restoreRemovedUtilChecks } from './util-shim'
import { nodeBackendNames, type NodeBackendName } from '../../../shared/contract'

export interface BackendResult {
  backend: BackendName
  attempts: BackendAttempt[]
}

/** How each backend is brought up; tests replace these to act out failures. */
export interface BackendLoaders {
  /** Imports a native package by name; it registers the 'tensorflow' backend as a side effect. */
  importNative(packageName: string): Promise<unknown>
  /** Switches tfjs to a registered backend; false when it fails to initialize. */
  setBackend(name: string): Promise<boolean>
  /** Whether the loaded native backend runs on a CUDA device. */
  nativeUsesGpu(): boolean
  /** The folder holding the tfjs-backend-wasm .wasm binaries. */
  wasmDir(): string
}

const nativePackages = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node'
} as const

/** Both native packages register under this name: only one of them can load per process. */
const nativeBackendName = 'tensorflow'

/** A native package whose install step never built its addon (see nativeAddonBuilt). */
export class NativeNotBuiltError extends Error {
  readonly code = 'NATIVE_NOT_BUILT'
}

/**
 * Whether a tfjs-node package's addon exists. `npm install` runs no install scripts
 * (.npmrc), so the package can be there without it until its deferred step succeeds; importing
 * it then is not harmless: it registers every kernel before failing on the addon, and the
 * next package warns about each one again.
 */
export function nativeAddonBuilt(packageDir: string): boolean {
  const lib = join(packageDir, 'lib')
  try {
    return readdirSync(lib).some(
      (dir) => /^napi-v\d+$/.test(dir) && existsSync(join(lib, dir, 'tfjs_binding.node'))
    )
  } catch {
    return false
  }
}

function installedPackageDir(packageName: string): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${packageName}/package.json`))
  } catch {
    return null
  }
}

export const defaultLoaders: BackendLoaders = {
  importNative: async (packageName) => {
    const dir = installedPackageDir(packageName)
    if (dir !== null && !nativeAddonBuilt(dir)) {
      throw new NativeNotBuiltError(`${packageName} has no built addon in ${dir}/lib`)
    }
    // Node 23+ (Electron 41's Node 24) lacks util checks tfjs-node calls.
    restoreRemovedUtilChecks()
    return import(/* @vite-ignore */ packageName)
  },
  setBackend: (name) => tf.setBackend(name),
  nativeUsesGpu: () => {
    // tfjs-node's NodeJSKernelBackend exposes these two flags; they are not in tfjs' types.
    const backend = tf.backend() as unknown as {
      isGPUPackage?: boolean
      isUsingGpuDevice?: boolean
    }
    return backend.isGPUPackage === true && backend.isUsingGpuDevice === true
  },
  wasmDir: () => {
    // The engine bundle keeps dependencies external: find the binaries in node_modules at run time.
    const require = createRequire(import.meta.url)
    return dirname(
      require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm')
    )
  }
}

/**
 * Loads the chosen backend ('auto': the best that loads, tensorflow-gpu aside;
 * which backend a run with 'auto' trains on, auto-backend/ measures). A forced backend that
 * fails falls back to the next one down rather than leaving the lab without an engine.
 */
export async function initBackend(
  choice: BackendChoice,
  loaders: BackendLoaders = defaultLoaders
): Promise<BackendResult> {
  const attempts: BackendAttempt[] = []
  // GPU backends run in the GPU engine page; a Node engine asked for one does its best.
  // tensorflow-gpu is opt-in (it needs CUDA 11.2): only asking for it by name tries it.
  const start =
    choice === 'auto' ? 1 : Math.max(0, nodeBackendNames.indexOf(choice as NodeBackendName))
  for (const skipped of nodeBackendNames.slice(0, start)) {
    attempts.push({
      backend: skipped,
      loaded: false,
      ...(choice === 'auto'
        ? {
            reason:
              'Not tried: opt-in only (--backend tensorflow-gpu), as it needs CUDA 11.2 and cuDNN 8.1.',
            reasonText: { key: 'backend.attempt.optIn' }
          }
        : {
            reason: `Not tried: ${choice} was chosen.`,
            reasonText: { key: 'backend.attempt.otherChosen', params: { choice } }
          })
    })
  }
  let nativeLoadedWithoutGpu = false
  for (const backend of nodeBackendNames.slice(start)) {
    if (backend === 'tensorflow' && nativeLoadedWithoutGpu) {
      // tfjs-node-gpu already loaded libtensorflow and runs on the CPU: that is this backend.
      attempts.push({ backend, loaded: true })
      return { backend, attempts }
    }
    const failure = await tryBackend(backend, loaders)
    if (failure === null) {
      attempts.push({ backend, loaded: true })
      return { backend, attempts }
    }
    if (failure.nativeWithoutGpu) nativeLoadedWithoutGpu = true
    attempts.push({
      backend,
      loaded: false,
      reason: failure.reason,
      reasonText: failure.reasonText
    })
  }
  throw new Error(`No tfjs backend could be loaded: ${attempts.map((a) => a.reason).join(' ')}`)
}

/** Why a backend did not load: in English (the CLI), and as the catalogue's backend.attempt message. */
export interface Failure {
  reason: string
  reasonText: LabErrorText
  nativeWithoutGpu?: boolean
}

async function tryBackend(
  backend: NodeBackendName,
  loaders: BackendLoaders
): Promise<Failure | null> {
  switch (backend) {
    case 'tensorflow-gpu':
    case 'tensorflow':
      return tryNative(backend, loaders)
    case 'wasm':
      return tryWasm(loaders)
    case 'cpu':
      return (await safeSetBackend(loaders, 'cpu'))
        ? null
        : {
            reason: 'The JavaScript CPU backend failed to start.',
            reasonText: { key: 'backend.attempt.cpuFailed' }
          }
  }
}

async function tryNative(
  backend: 'tensorflow-gpu' | 'tensorflow',
  loaders: BackendLoaders
): Promise<Failure | null> {
  const packageName = nativePackages[backend]
  try {
    await loaders.importNative(packageName)
  } catch (error) {
    return explainNativeFailure(backend, packageName, error)
  }
  if (!(await safeSetBackend(loaders, nativeBackendName))) {
    return {
      reason: `${packageName} loaded, but its TensorFlow backend failed to initialize.`,
      reasonText: { key: 'backend.attempt.nativeInitFailed', params: { packageName } }
    }
  }
  if (backend === 'tensorflow-gpu' && !loaders.nativeUsesGpu()) {
    return {
      reason: `${packageName} loaded, but TensorFlow found no usable CUDA GPU (it needs CUDA 11.2 and cuDNN 8.1 and a supported NVIDIA driver), so it runs on the CPU.`,
      reasonText: { key: 'backend.attempt.noCudaGpu', params: { packageName } },
      nativeWithoutGpu: true
    }
  }
  return null
}

/**
 * Turns a failed import into a sentence: missing package, missing CUDA libraries, or other.
 * The loader's own first line (`detail`) stays as it is, in the catalogue's words too.
 */
export function explainNativeFailure(
  backend: 'tensorflow-gpu' | 'tensorflow',
  packageName: string,
  error: unknown
): Failure {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | null)?.code
  const missingPackage =
    (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') &&
    message.includes(packageName)
  if (missingPackage) {
    return {
      reason: `${packageName} is not installed (an optional dependency: its install downloads libtensorflow, which needs internet access).`,
      reasonText: { key: 'backend.attempt.notInstalled', params: { packageName } }
    }
  }
  if (error instanceof NativeNotBuiltError) {
    return {
      reason: `${packageName} is installed but not built: its install step (run by the first \`npm start\`) downloads libtensorflow, which needs internet access.`,
      reasonText: { key: 'backend.attempt.notBuilt', params: { packageName } }
    }
  }
  const firstLine = message.split('\n')[0]?.trim() ?? ''
  if (
    backend === 'tensorflow-gpu' &&
    /libcud|libcublas|libcufft|libcurand|libcusolver|libcusparse|cuda/i.test(message)
  ) {
    return {
      reason: `${packageName} 4.22 needs CUDA 11.2 and cuDNN 8.1, which were not found: ${firstLine}`,
      reasonText: { key: 'backend.attempt.noCuda', params: { packageName, detail: firstLine } }
    }
  }
  return {
    reason: `${packageName} failed to load: ${firstLine}`,
    reasonText: { key: 'backend.attempt.loadFailed', params: { packageName, detail: firstLine } }
  }
}

const wasmPackage = '@tensorflow/tfjs-backend-wasm'

async function tryWasm(loaders: BackendLoaders): Promise<Failure | null> {
  let dir: string
  try {
    dir = loaders.wasmDir()
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return {
      reason: `The WebAssembly binaries of ${wasmPackage} were not found: ${detail}`,
      reasonText: {
        key: 'backend.attempt.wasmMissing',
        params: { packageName: wasmPackage, detail }
      }
    }
  }
  setWasmPaths(dir.endsWith('/') ? dir : `${dir}/`)
  if (!(await safeSetBackend(loaders, 'wasm'))) {
    return {
      reason: 'The WebAssembly backend failed to initialize.',
      reasonText: { key: 'backend.attempt.wasmInitFailed' }
    }
  }
  return null
}

async function safeSetBackend(loaders: BackendLoaders, name: string): Promise<boolean> {
  try {
    const ok = await loaders.setBackend(name)
    if (ok) await tf.ready()
    return ok
  } catch {
    return false
  }
}
