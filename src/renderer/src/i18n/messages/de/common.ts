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
  dismiss: 'Ausblenden',
  close: 'Schließen',
  cancel: 'Abbrechen'
}

export default common
