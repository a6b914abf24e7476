/** The GPU engine (WebGPU, WebGL in Chromium): its adapter, in the status bar and the Train tab. */
export default {
  adapter: '{vendor} {architecture}',
  softwareAdapter: '{vendor} {architecture}, software (emulated on the CPU, no real GPU)',
  backendOnAdapter: '{backend} on {adapter}'
}
