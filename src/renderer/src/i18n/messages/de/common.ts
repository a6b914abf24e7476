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
  comingSoon: {
    title: '{step}: folgt als Nächstes',
    intro: 'Dieser Schritt des Rezepts ist noch nicht gebaut. Das wird er enthalten:'
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
  dismissNotice: 'Ausblenden: {text}',
  chart: {
    epoch: 'Epoche'
  },
  dismiss: 'Ausblenden',
  close: 'Schließen',
  cancel: 'Abbrechen'
}

export default common
