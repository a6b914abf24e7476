/** The shell: title, tabs, status bar, language switcher, words used everywhere. */
export default {
  appTitle: 'MNIST Lab',
  tagline: 'A recipe for training neural networks, one step at a time',
  tabs: {
    label: 'Recipe steps',
    Explore: 'Explore',
    Train: 'Train',
    Evaluate: 'Evaluate',
    Overfit: 'Overfit',
    Regularize: 'Regularize',
    Tune: 'Tune',
    Runs: 'Runs'
  },
  language: {
    label: 'Language',
    en: 'English',
    de: 'Deutsch'
  },
  comingSoon: {
    title: '{step}: coming next',
    intro: 'This step of the recipe is not built yet. Here is what it will hold:'
  },
  status: {
    backend: 'Backend: {backend}',
    starting: 'starting…',
    disconnected: 'Disconnected from the lab server; reconnecting…',
    engineStopped: 'Engine stopped',
    engineReady: 'Engine ready',
    engineStarting: 'Engine starting…'
  },
  backends: {
    webgpu: 'GPU, WebGPU (Chromium)',
    webgl: 'GPU, WebGL (Chromium)',
    'tensorflow-gpu': 'GPU (tfjs-node-gpu)',
    tensorflow: 'CPU, native (tfjs-node)',
    wasm: 'CPU, WebAssembly',
    cpu: 'CPU, plain JavaScript'
  },
  dismissNotice: 'Dismiss: {text}',
  chart: {
    epoch: 'Epoch'
  },
  dismiss: 'Dismiss',
  close: 'Close',
  cancel: 'Cancel'
}
