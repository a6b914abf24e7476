import type en from '../en/tune'
import type { Catalogue } from '../catalogue'

const tune: Catalogue<typeof en> = {
  errors: {
    unknownSearch: 'Eine Suche „{id}“ gibt es nicht.',
    damagedSearch:
      'Die Datei der Suche {id} ist beschädigt; die Suche lässt sich nicht fortsetzen.',
    searchFinished: 'Suche {id} ist fertig; es gibt nichts fortzusetzen.',
    ensembleDatasets:
      'Lauf {run} wurde auf {dataset} trainiert, Lauf {other} auf {otherDataset}. Für ein Ensemble müssen alle Läufe denselben Datensatz verwenden.',
    ensembleSplits:
      'Lauf {run} hat die Daten anders aufgeteilt ({split}) als Lauf {other} ({otherSplit}). Ein Ensemble braucht Läufe mit gleichem Split.',
    noTrialEngines:
      'Dieses Lab kann keine zusätzlichen Engine-Prozesse für die Versuche starten, deshalb ist keine Suche möglich.'
  },
  schedule: {
    label: 'Lernraten-Schedule',
    kinds: {
      constant: 'Konstant',
      step: 'Stufenweise Abnahme',
      cosine: 'Kosinus mit Warm-up',
      onecycle: 'One-Cycle'
    },
    fields: {
      everyEpochs: 'Abnahme-Intervall',
      gamma: 'Abnahme-Faktor',
      warmupEpochs: 'Warm-up-Länge',
      minFactor: 'Endanteil der Spitze',
      rampShare: 'Anteil des Anstiegs am Lauf',
      divFactor: 'Start-Teiler'
    },
    describe: {
      constant: 'konstant',
      step: 'stufenweise Abnahme: ×{gamma} nach jeder Epoche | stufenweise Abnahme: ×{gamma} alle {count} Epochen',
      cosine:
        'Kosinus, {count} Epoche Warm-up, dann bis auf das {minFactor}-Fache der Lernrate | Kosinus, {count} Epochen Warm-up, dann bis auf das {minFactor}-Fache der Lernrate',
      onecycle:
        'One-Cycle: von der Lernrate ÷ {divFactor} hinauf zu ihr über {rampPercent} % des Laufs, dann hinab'
    },
    note: 'Intervall und Warm-up zählen Durchläufe durch die Trainingsdaten; Bruchteile sind erlaubt.',
    reportRow: 'Schedule',
    preview: 'Vorschau des Schedules'
  },
  issues: {
    chooseOne: '{field}: Wählen Sie mindestens einen Wert.',
    atLeast: '{field} muss mindestens {min} sein.',
    above: '{field} muss größer als {min} sein.',
    atMost: '{field} darf höchstens {max} sein.',
    below: '{field} muss kleiner als {max} sein.',
    number: '{field}: Geben Sie eine Zahl ein.',
    wholeNumber: '{field} muss eine ganze Zahl sein.',
    oneOf: '{field}: Wählen Sie aus {values}.',
    minAboveMax: '{field}: Das untere Ende {min} liegt über dem oberen Ende {max}.',
    logRangeZero:
      '{field}: Ein log-uniformer Bereich darf 0 nicht enthalten und nicht darunter gehen; beginnen Sie etwa bei 1e-5.',
    count: '{field} muss eine ganze Zahl von 1 bis {max} sein.',
    seed: '{field} muss eine ganze Zahl sein, 0 oder größer.'
  },
  charts: {
    rate: 'Lernrate',
    rateLog: 'Lernrate (logarithmisch)',
    loss: 'Loss',
    smoothedLoss: 'Geglätteter Loss',
    suggested: 'Vorgeschlagene Lernrate',
    trials: 'Versuche',
    validationPercent: 'Validierungs-Accuracy (%)',
    previewSummary: 'Vorschau des Schedules: von {from} bis {to}, Spitze {peak}',
    finderEmpty: 'Diagramm des Lernraten-Finders: noch kein Durchlauf',
    finderSummary: 'Diagramm des Lernraten-Finders: {steps} Schritte von {from} bis {to}',
    withSuggestion: '{sweep}, vorgeschlagene Lernrate {rate}',
    scatterSummary:
      'Streudiagramm der Versuche: {count} Versuch, Validierungs-Accuracy nach Lernrate | Streudiagramm der Versuche: {count} Versuche, Validierungs-Accuracy nach Lernrate'
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
    reason:
      'Der Loss fällt am schnellsten bei {steepest} und ist am niedrigsten bei {lowest}; ein Zehntel davon ist {tenth}. {suggestion} ist der kleinere der beiden Werte: schnelles Lernen, aber deutlich unter den Lernraten, bei denen der Loss wieder steigt.',
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
    ended: {
      allDiverged:
        'Jeder Versuch ist divergiert. Senken Sie den Bereich der Lernrate (sein Maximum ist {max}).',
      noneFinished: 'Kein Versuch hat seine Epochen beendet; die Tabelle der Versuche zeigt, warum.'
    },
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
    trial: {
      status: {
        pending: 'wartet',
        running: 'läuft',
        stopped: 'gestoppt',
        completed: 'abgeschlossen',
        diverged: 'divergiert',
        failed: 'fehlgeschlagen'
      },
      crashResumed:
        'Die Engine dieses Versuchs ist abgestürzt; er macht an seinem letzten Checkpoint weiter.',
      crashedRepeatedly:
        'Die Engine dieses Versuchs ist mehrmals hintereinander abgestürzt; der Versuch wurde aufgegeben.'
    },
    interrupted: {
      title: 'Unterbrochene Suchen',
      item: 'Suche {id}, gestartet {started}: {done} von {trials} Versuchen fertig',
      resume: 'Fortsetzen',
      resumeNamed: 'Suche {id} fortsetzen'
    },
    scatter: 'Validierungs-Accuracy nach Lernrate',
    parallel: {
      title: 'Alle Versuche über ihre Einstellungen',
      label: 'Parallele Koordinaten von {count} Versuchen; die Pfeiltasten wählen einen Versuch',
      hint: 'Pfeiltasten oder ein Klick wählen einen Versuch; seine Einstellungen erscheinen hier.',
      trial: 'Versuch {trial}: {values}',
      axes: {
        rate: 'Lernrate',
        batch: 'Batch',
        width: 'Breite',
        depth: 'Schichten',
        dropout: 'Dropout',
        l2: 'L2',
        accuracy: 'Validierungs-Accuracy'
      }
    }
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
