import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  defaultLoaders,
  explainNativeFailure,
  initBackend,
  nativeAddonBuilt,
  NativeNotBuiltError,
  type BackendLoaders
} from './backend'

function missing(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' })
}

const fakeLoaders = (overrides: Partial<BackendLoaders>): BackendLoaders => ({
  importNative: async (name) => {
    throw missing(name)
  },
  setBackend: async () => true,
  nativeUsesGpu: () => false,
  // tryWasm sets the real tfjs wasm path: point it at the real binaries.
  wasmDir: defaultLoaders.wasmDir,
  ...overrides
})

describe('initBackend', () => {
  it('falls back to wasm and says why each native package did not load', async () => {
    const { backend, attempts } = await initBackend('auto', fakeLoaders({}))
    expect(backend).toBe('wasm')
    expect(attempts.map((a) => [a.backend, a.loaded])).toEqual([
      ['tensorflow-gpu', false],
      ['tensorflow', false],
      ['wasm', true]
    ])
    expect(attempts[0]!.reason).toMatch(/opt-in only/)
    expect(attempts[1]!.reason).toMatch(/tfjs-node is not installed/)
    // The app words the same reasons from the catalogue; the English stays for `lab info`.
    expect(attempts[0]!.reasonText).toEqual({ key: 'backend.attempt.optIn' })
    expect(attempts[1]!.reasonText).toEqual({
      key: 'backend.attempt.notInstalled',
      params: { packageName: '@tensorflow/tfjs-node' }
    })
    expect(attempts[2]!.reasonText).toBeUndefined()
  })

  it('never tries tfjs-node-gpu for auto: it is opt-in', async () => {
    const imported: string[] = []
    await initBackend(
      'auto',
      fakeLoaders({
        importNative: async (name) => {
          imported.push(name)
          throw missing(name)
        }
      })
    )
    expect(imported).toEqual(['@tensorflow/tfjs-node'])
  })

  it('names CUDA 11.2 and cuDNN 8.1 when the GPU libraries are missing', () => {
    const error = new Error('libcudart.so.11.0: cannot open shared object file')
    const failure = explainNativeFailure('tensorflow-gpu', '@tensorflow/tfjs-node-gpu', error)
    expect(failure.reason).toMatch(/needs CUDA 11.2 and cuDNN 8.1/)
    // The loader's own words stay as they are, inside the catalogue's sentence.
    expect(failure.reasonText).toEqual({
      key: 'backend.attempt.noCuda',
      params: {
        packageName: '@tensorflow/tfjs-node-gpu',
        detail: 'libcudart.so.11.0: cannot open shared object file'
      }
    })
  })

  it('uses tfjs-node-gpu on the CPU when it loads but finds no GPU', async () => {
    const { backend, attempts } = await initBackend(
      'tensorflow-gpu',
      fakeLoaders({ importNative: async () => ({}), nativeUsesGpu: () => false })
    )
    expect(backend).toBe('tensorflow')
    expect(attempts[0]!.reason).toMatch(/no usable CUDA GPU/)
    expect(attempts[0]!.reasonText).toEqual({
      key: 'backend.attempt.noCudaGpu',
      params: { packageName: '@tensorflow/tfjs-node-gpu' }
    })
  })

  it('honours a forced backend and marks better ones as not tried', async () => {
    const { backend, attempts } = await initBackend('cpu', fakeLoaders({}))
    expect(backend).toBe('cpu')
    expect(attempts.slice(0, 3).every((a) => /Not tried/.test(a.reason ?? ''))).toBe(true)
    expect(attempts.slice(0, 3).map((a) => a.reasonText)).toEqual(
      Array(3).fill({ key: 'backend.attempt.otherChosen', params: { choice: 'cpu' } })
    )
  })

  it('loads the real wasm backend from node_modules', async () => {
    const { backend } = await initBackend('wasm')
    expect(backend).toBe('wasm')
  })
})

describe('a native package installed without its install step', () => {
  it('counts as built only with a tfjs_binding.node under lib/napi-v*', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-native-'))
    try {
      expect(nativeAddonBuilt(dir)).toBe(false)
      mkdirSync(join(dir, 'lib', 'napi-v8'), { recursive: true })
      expect(nativeAddonBuilt(dir)).toBe(false)
      writeFileSync(join(dir, 'lib', 'napi-v8', 'tfjs_binding.node'), '')
      expect(nativeAddonBuilt(dir)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is explained as not built, with what building it needs', async () => {
    const { backend, attempts } = await initBackend(
      'auto',
      fakeLoaders({
        importNative: async (name) => {
          throw new NativeNotBuiltError(`${name} has no built addon`)
        }
      })
    )
    expect(backend).toBe('wasm')
    expect(attempts[1]!.reason).toBe(
      '@tensorflow/tfjs-node is installed but not built: its install step (run by the first `npm start`) downloads libtensorflow, which needs internet access.'
    )
    expect(attempts[1]!.reasonText).toEqual({
      key: 'backend.attempt.notBuilt',
      params: { packageName: '@tensorflow/tfjs-node' }
    })
  })
})
