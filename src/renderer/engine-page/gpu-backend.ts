/**
 * Brings up the GPU backend the host asked for, in this Chromium page: WebGPU
 * or WebGL, never silently another one. A software adapter (SwiftShader) is
 * refused unless the host allows it: it is no GPU, and tests ask for it by name.
 */
import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-backend-webgl'
import '@tensorflow/tfjs-backend-webgpu'
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl'
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu'
import {
  LabError,
  type BackendAttempt,
  type GpuAdapter,
  type GpuBackendName,
  type LabErrorParams,
  type WordedMessage
} from '../../shared/contract'
import { webGlAdapter, webGpuAdapter } from './adapter'

export interface GpuBackendResult {
  backend: GpuBackendName
  adapter: GpuAdapter
  attempts: BackendAttempt[]
  /** Settles with why, in English and catalogue words, when the device is gone (device.lost, WebGL context loss). */
  lost: Promise<Required<WordedMessage>>
}

const softwareHint =
  'It is a software adapter (a GPU emulated on the CPU), no real GPU; the lab uses one only when allowed (MNIST_LAB_ALLOW_SOFTWARE_GPU=1 or --allow-software-gpu).'

/**
 * Refuses the backend with the reason: in English for the CLI and logs, and as
 * a message of the catalogue's gpu.errors.refused (which names the backend too).
 */
type Refuse = (reason: string, key: string, params?: LabErrorParams) => never

export async function initGpuBackend(
  backend: GpuBackendName,
  allowSoftware: boolean
): Promise<GpuBackendResult> {
  const refuse: Refuse = (reason, key, params = {}) => {
    throw new LabError('engine_unavailable', `${backend} is not available here: ${reason}`, {
      key: `gpu.errors.refused.${key}`,
      params: { backend, ...params }
    })
  }
  const adapter = backend === 'webgpu' ? await probeWebGpu(refuse) : probeWebGl(refuse)
  if (adapter.software && !allowSoftware) {
    const name = `${adapter.vendor} ${adapter.architecture}`
    refuse(`its only adapter is ${name}. ${softwareHint}`, 'softwareOnly', { adapter: name })
  }
  let ready = false
  try {
    ready = await tf.setBackend(backend)
    await tf.ready()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    refuse(`tfjs could not start it (${reason}).`, 'tfjsFailed', { reason })
  }
  if (!ready) refuse('tfjs could not start it.', 'tfjsNotReady')
  if (backend === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    refuse(
      'this WebGL cannot render to float32 textures (EXT_color_buffer_float), so training would lose precision.',
      'noFloat32'
    )
  }
  return {
    backend,
    adapter,
    attempts: [{ backend, loaded: true }],
    lost: backend === 'webgpu' ? webGpuLost() : webGlLost()
  }
}

async function probeWebGpu(refuse: Refuse): Promise<GpuAdapter> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu
  if (!gpu) {
    refuse(
      'this Chromium exposes no WebGPU (navigator.gpu is missing: it needs a secure context and WebGPU enabled).',
      'noWebGpu'
    )
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' })
  if (!adapter)
    refuse(
      'WebGPU found no adapter (no supported GPU or driver; on Linux it needs Vulkan).',
      'noAdapter'
    )
  // Chromium 114+ has adapter.info; these @webgpu/types know only the older requestAdapterInfo().
  const withInfo = adapter as GPUAdapter & { info?: GPUAdapterInfo }
  const info = (withInfo.info ?? (await adapter.requestAdapterInfo())) as GPUAdapterInfo & {
    isFallbackAdapter?: boolean
  }
  return webGpuAdapter({
    vendor: info.vendor,
    architecture: info.architecture,
    description: info.description,
    isFallbackAdapter: info.isFallbackAdapter
  })
}

function probeWebGl(refuse: Refuse): GpuAdapter {
  const gl = document.createElement('canvas').getContext('webgl2')
  if (!gl) refuse('this Chromium gives no WebGL2 context (no GPU, or WebGL disabled).', 'noWebGl2')
  const debug = gl.getExtension('WEBGL_debug_renderer_info')
  const vendor = debug ? String(gl.getParameter(debug.UNMASKED_VENDOR_WEBGL)) : ''
  const renderer = debug ? String(gl.getParameter(debug.UNMASKED_RENDERER_WEBGL)) : ''
  gl.getExtension('WEBGL_lose_context')?.loseContext()
  return webGlAdapter(vendor, renderer)
}

function webGpuLost(): Promise<Required<WordedMessage>> {
  const device = (tf.backend() as WebGPUBackend).device
  return device.lost.then((info) => {
    // The device's own words stay as they are: they come from the driver.
    const reason = `${info.reason}${info.message ? `: ${info.message}` : ''}`
    return {
      message: `The GPU device was lost (${reason}).`,
      text: { key: 'gpu.errors.deviceLost', params: { reason } }
    }
  })
}

function webGlLost(): Promise<Required<WordedMessage>> {
  const canvas = (tf.backend() as MathBackendWebGL).gpgpu.gl.canvas
  return new Promise((resolve) => {
    canvas.addEventListener(
      'webglcontextlost',
      () =>
        resolve({
          message: 'The GPU (WebGL context) was lost.',
          text: { key: 'gpu.errors.webGlLost' }
        }),
      {
        once: true
      }
    )
  })
}
