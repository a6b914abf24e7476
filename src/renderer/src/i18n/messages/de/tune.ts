import type en from '../en/tune'
import type { Catalogue } from '../catalogue'

const tune: Catalogue<typeof en> = {
  plan: {
    lrFinder: 'Ein Lernraten-Finder: der Loss bei stetig wachsender Lernrate.',
    search: 'Eine kleine Hyperparameter-Suche über Lernrate, Batchgröße und Breite.',
    compare: 'Die entstandenen Läufe in einem Diagramm vergleichen.'
  }
}

export default tune
