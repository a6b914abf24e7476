import { describe, expect, it } from 'vitest'
import { webGlAdapter, webGpuAdapter } from './adapter'

describe('GPU adapters', () => {
  it('mark SwiftShader as software, on WebGPU and WebGL alike', () => {
    expect(webGpuAdapter({ vendor: 'google', architecture: 'swiftshader' })).toEqual({
      vendor: 'google',
      architecture: 'swiftshader',
      software: true
    })
    const renderer =
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)'
    expect(webGlAdapter('Google Inc. (Google)', renderer).software).toBe(true)
    expect(webGlAdapter('Mesa', 'llvmpipe (LLVM 19.1.7, 256 bits)').software).toBe(true)
  })

  it('take a real GPU as hardware', () => {
    expect(webGpuAdapter({ vendor: 'nvidia', architecture: 'ampere' }).software).toBe(false)
    expect(
      webGpuAdapter({ vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: true }).software
    ).toBe(true)
    expect(
      webGlAdapter('Google Inc. (NVIDIA)', 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060, Vulkan)')
        .software
    ).toBe(false)
  })
})
