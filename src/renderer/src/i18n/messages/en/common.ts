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
  /** The desktop app's menu bar; main words it in the page's language (src/main/menu.ts). */
  menu: {
    file: 'File',
    exportReport: 'Export report (PDF)…',
    quit: 'Quit MNIST Lab',
    closeWindow: 'Close window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    window: 'Window',
    minimize: 'Minimize'
  },
  dismissNotice: 'Dismiss: {text}',
  chart: {
    epoch: 'Epoch'
  },
  dismiss: 'Dismiss',
  close: 'Close',
  cancel: 'Cancel'
}
