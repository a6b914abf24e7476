/**
 * Names the GPU a backend runs on and tells a software one (SwiftShader,
 * llvmpipe: a GPU emulated on the CPU) from real hardware. Pure, so it is tested
 * without a browser.
 */
import type { GpuAdapter } from '../../shared/contract'

const softwareRenderers = /swiftshader|llvmpipe|softpipe|software|basic render driver/i

/** WebGPU: GPUAdapterInfo's vendor and architecture (SwiftShader says google / swiftshader). */
export function webGpuAdapter(info: {
  vendor: string
  architecture: string
  description?: string
  isFallbackAdapter?: boolean
}): GpuAdapter {
  const software =
    info.isFallbackAdapter === true ||
    softwareRenderers.test(`${info.vendor} ${info.architecture} ${info.description ?? ''}`)
  return {
    vendor: info.vendor || 'unknown',
    architecture: info.architecture || 'unknown',
    software
  }
}

/**
 * WebGL: the unmasked vendor and renderer strings, e.g. "Google Inc. (Google)" and
 * "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) ...), SwiftShader driver)".
 */
export function webGlAdapter(vendor: string, renderer: string): GpuAdapter {
  return {
    vendor: vendor || 'unknown',
    architecture: renderer || 'unknown',
    software: softwareRenderers.test(`${vendor} ${renderer}`)
  }
}
