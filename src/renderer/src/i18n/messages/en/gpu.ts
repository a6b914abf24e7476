/** The GPU engine (WebGPU, WebGL in Chromium): its adapter, in the status bar and the Train tab. */
export default {
  adapter: '{vendor} {architecture}',
  softwareAdapter: '{vendor} {architecture}, software (emulated on the CPU, no real GPU)',
  backendOnAdapter: '{backend} on {adapter}',
  autoPick: 'Auto ({kind}): {backend}, {ms} ms per step, the fastest of {count} measured',
  autoNotMeasured: 'Auto: measures the backends when the first run starts'
}
