/** The GPU engine (WebGPU, WebGL in Chromium): its adapter, in the status bar and the Train tab. */
export default {
  errors: {
    noChromium:
      'No Chromium found at /usr/bin/chromium (install it, or set CHROMIUM_PATH), so the GPU backends (webgpu, webgl) are unavailable.',
    noChromiumAtPath:
      'No Chromium at CHROMIUM_PATH ({path}), so the GPU backends (webgpu, webgl) are unavailable.',
    noGpuEngine: 'This lab was started without a GPU engine.',
    exitedWhileStarting: 'The GPU engine (Chromium) exited while starting ({how}).',
    stoppedWhileWorking:
      'The GPU engine (Chromium) stopped unexpectedly ({how}) while working on "{method}".',
    stopped: 'The GPU engine (Chromium) stopped unexpectedly ({how}).',
    stoppedWithoutReason: 'The GPU engine (Chromium) stopped unexpectedly.',
    /** The reason is the GPU driver's own words. */
    deviceLost: 'The GPU device was lost ({reason}).',
    webGlLost: 'The GPU (WebGL context) was lost.',
    /** Why the GPU engine's page refuses the backend it was asked for. */
    refused: {
      noWebGpu:
        '{backend} is not available here: this Chromium exposes no WebGPU (navigator.gpu is missing: it needs a secure context and WebGPU enabled).',
      noAdapter:
        '{backend} is not available here: WebGPU found no adapter (no supported GPU or driver; on Linux it needs Vulkan).',
      noWebGl2:
        '{backend} is not available here: this Chromium gives no WebGL2 context (no GPU, or WebGL disabled).',
      softwareOnly:
        '{backend} is not available here: its only adapter is {adapter}. It is a software adapter (a GPU emulated on the CPU), no real GPU; the lab uses one only when allowed (MNIST_LAB_ALLOW_SOFTWARE_GPU=1 or --allow-software-gpu).',
      tfjsFailed: '{backend} is not available here: tfjs could not start it ({reason}).',
      tfjsNotReady: '{backend} is not available here: tfjs could not start it.',
      noFloat32:
        '{backend} is not available here: this WebGL cannot render to float32 textures (EXT_color_buffer_float), so training would lose precision.'
    }
  },
  adapter: '{vendor} {architecture}',
  softwareAdapter: '{vendor} {architecture}, software (emulated on the CPU, no real GPU)',
  backendOnAdapter: '{backend} on {adapter}'
}
