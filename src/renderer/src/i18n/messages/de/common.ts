import type en from '../en/common'
import type { Catalogue } from '../catalogue'

const common: Catalogue<typeof en> = {
  appTitle: 'MNIST Lab',
  tagline: 'Ein neuronales Netz trainieren – Schritt für Schritt nach Rezept',
  tabs: {
    label: 'Schritte des Rezepts',
    Explore: 'Erkunden',
    Train: 'Trainieren',
    Evaluate: 'Evaluieren',
    Overfit: 'Overfitten',
    Regularize: 'Regularisieren',
    Tune: 'Optimieren',
    Runs: 'Läufe'
  },
  language: {
    label: 'Sprache',
    en: 'English',
    de: 'Deutsch'
  },
  status: {
    backend: 'Backend: {backend}',
    starting: 'startet…',
    disconnected: 'Keine Verbindung zum Lab-Server – neuer Versuch läuft…',
    engineStopped: 'Engine angehalten',
    engineReady: 'Engine bereit',
    engineStarting: 'Engine startet…'
  },
  backends: {
    webgpu: 'GPU, WebGPU (Chromium)',
    webgl: 'GPU, WebGL (Chromium)',
    'tensorflow-gpu': 'GPU (tfjs-node-gpu)',
    tensorflow: 'CPU, nativ (tfjs-node)',
    wasm: 'CPU, WebAssembly',
    cpu: 'CPU, reines JavaScript'
  },
  menu: {
    file: 'Datei',
    exportReport: 'Bericht als PDF exportieren…',
    quit: 'MNIST Lab beenden',
    closeWindow: 'Fenster schließen',
    edit: 'Bearbeiten',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    selectAll: 'Alles auswählen',
    view: 'Ansicht',
    resetZoom: 'Originalgröße',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    fullScreen: 'Vollbild',
    window: 'Fenster',
    minimize: 'Minimieren'
  },
  dismissNotice: 'Ausblenden: {text}',
  chart: {
    epoch: 'Epoche'
  },
  dismiss: 'Ausblenden',
  close: 'Schließen',
  cancel: 'Abbrechen'
}

export default common
