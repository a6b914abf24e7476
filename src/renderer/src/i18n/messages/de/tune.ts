import type en from '../en/tune'
import type { Catalogue } from '../catalogue'

const tune: Catalogue<typeof en> = {
  schedule: {
    label: 'Lernraten-Schedule',
    kinds: {
      constant: 'Konstant',
      step: 'Stufenweise Abnahme',
      cosine: 'Kosinus mit Warm-up',
      onecycle: 'One-Cycle'
    },
    note: 'Intervall und Warm-up zählen Durchläufe durch die Trainingsdaten; Bruchteile sind erlaubt.',
    reportRow: 'Schedule',
    preview: 'Vorschau des Schedules'
  },
  finder: {
    title: 'Lernraten-Finder',
    intro:
      'Trainiert eine frische Kopie des Modells aus dem Train-Tab auf Trainings-Batches, während die Lernrate von 10⁻⁷ bis 10 wächst, und hört auf, sobald der Loss hochschießt. Der Testdatensatz wird nie angesehen.',
    find: 'Lernrate finden',
    progressLabel: 'Lernraten-Durchlauf',
    progress: 'Schritt {step}, Lernrate {rate}',
    chart: 'Loss bei wachsender Lernrate',
    suggested: 'Vorgeschlagene Lernrate: {rate}',
    alternatives: '(steilster Abfall {steepest}, Minimum ÷ 10 {minimum})',
    use: 'Diese Lernrate übernehmen'
  },
  search: {
    title: 'Hyperparameter-Suche',
    intro:
      'Zufallssuche im Raum unten, mit Datensatz und Seed aus dem Train-Tab. Nach 1, 2, 4… Epochen hört die schwächere Hälfte der Versuche auf (Successive Halving). Bewertet wird auf einem Validierungsdatensatz aus den Trainingsdaten; der Testdatensatz zählt nur einmal, für den besten Versuch.',
    fixTrainForm: 'Zuerst das Formular im Train-Tab korrigieren: Die Suche geht von ihm aus.',
    start: 'Suche starten',
    progressLabel: 'Fortschritt der Suche',
    progress: '{done} von etwa {planned} Versuchs-Epochen',
    eta: ', noch etwa {seconds} s',
    finished:
      'Suche nach {seconds} s fertig. Bester Versuch: {trial}, Validierungs-Accuracy {validation}, Test-Accuracy {test}.',
    trainBest: 'Beste Konfiguration vollständig trainieren',
    fields: {
      trials: 'Versuche',
      epochs: 'Epochen-Budget pro Versuch',
      parallel: 'Parallele Versuche',
      seed: 'Seed der Suche',
      lrMin: 'Lernrate ab (log-gleichverteilt)',
      lrMax: 'Lernrate bis',
      dropoutMin: 'Dropout ab',
      dropoutMax: 'Dropout bis',
      batchSizes: 'Batchgrößen',
      widths: 'Schichtbreiten',
      depths: 'Anzahl versteckter Schichten',
      l2: 'L2-Strafen',
      optimizers: 'Optimierer (adam, sgd, rmsprop)',
      schedules: 'Schedules (constant, step, cosine, onecycle)'
    },
    table: {
      caption: 'Versuche',
      trial: 'Versuch',
      rate: 'Lernrate',
      batch: 'Batch',
      layers: 'Schichten',
      status: 'Status',
      epochs: 'Epochen',
      accuracy: 'Validierungs-Accuracy',
      best: '(bester)',
      stoppedAt: 'nach Epoche {epoch} gestoppt'
    },
    scatter: 'Validierungs-Accuracy nach Lernrate'
  },
  ensemble: {
    title: 'Ensemble',
    intro:
      'Läufe auf demselben Datensatz und Split stimmen mit ihren gemittelten Wahrscheinlichkeiten auf dem Testdatensatz ab.',
    members: 'Mitglieder',
    none: 'Noch keine trainierten Läufe.',
    evaluate: 'Ensemble auswerten',
    evaluating: 'Das Ensemble wird ausgewertet',
    table: 'Ensemble und Mitglieder auf dem Testdatensatz',
    model: 'Modell',
    accuracy: 'Accuracy',
    macroF1: 'Macro-F1',
    ensembleOf: 'Ensemble aus {count}',
    bestMember: '(bestes Mitglied)'
  }
}

export default tune
