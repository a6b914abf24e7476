import type en from '../en/runs'
import type { Catalogue } from '../catalogue'

const runs: Catalogue<typeof en> = {
  errors: {
    saveFailed:
      'Lauf „{name}“ konnte nicht in {dir} gespeichert werden. Schaffen Sie etwas Platz auf der Festplatte oder prüfen Sie die Zugriffsrechte des Ordners und versuchen Sie es dann noch einmal.',
    noModel:
      'Lauf „{name}“ hat noch kein gespeichertes Modell. Das Training speichert es nach jeder fertigen Epoche: Trainieren Sie mindestens eine Epoche und exportieren Sie dann erneut.',
    missingWeights:
      'Beim Modell von Lauf „{name}“ fehlt die Gewichtsdatei {file}. Trainieren Sie den Lauf noch einmal, damit ein vollständiges Modell gespeichert wird.',
    modelUnreadable:
      'Das gespeicherte Modell von Lauf „{name}“ lässt sich nicht lesen. Trainieren Sie den Lauf noch einmal, damit es neu gespeichert wird.',
    modelDamaged:
      'Das gespeicherte Modell von Lauf „{name}“ ist beschädigt. Trainieren Sie den Lauf noch einmal, damit es neu gespeichert wird.',
    modelMismatch:
      'Das gespeicherte Modell von Lauf „{name}“ passt nicht zu den Einstellungen des Laufs. Trainieren Sie den Lauf noch einmal, damit ein passendes Modell gespeichert wird.',
    notFound: 'Es gibt keinen Lauf „{id}“. Vielleicht wurde er gelöscht.',
    damaged:
      'Die Aufzeichnung von Lauf „{id}“ ({path}) lässt sich nicht lesen. Löschen Sie den Lauf oder stellen Sie die Datei aus einer Sicherung wieder her.'
  },
  empty:
    'Noch keine Läufe. Jeder Trainingslauf wird hier mit seinen Einstellungen und Ergebnissen aufbewahrt.',
  heading: 'Läufe',
  lossCurves: 'Loss-Kurven',
  status: {
    running: 'läuft',
    paused: 'pausiert',
    completed: 'abgeschlossen',
    stopped: 'gestoppt',
    diverged: 'divergiert',
    failed: 'fehlgeschlagen',
    interrupted: 'unterbrochen'
  },
  table: {
    caption: 'Läufe, die neuesten zuerst',
    selected: 'Ausgewählt',
    name: 'Name',
    dataset: 'Datensatz',
    model: 'Modell',
    hyperparameters: 'Hyperparameter',
    status: 'Status',
    testAccuracy: 'Test-Accuracy (am Ende, behaltene Gewichte)',
    duration: 'Dauer',
    backend: 'Backend',
    inChart: 'Im Diagramm',
    searchGroup: 'Suche {id}: {count} Versuch | Suche {id}: {count} Versuche',
    select: '{name} auswählen',
    epochs: '{done}/{total} Epochen',
    compare: '{name} im Loss-Diagramm zeigen'
  },
  describe: {
    cnn: 'CNN mit {filters} Filtern, Dense {dense}',
    cnnDropout: 'CNN mit {filters} Filtern, Dense {dense}, Dropout {dropout}',
    linear: 'Linear (kein Hidden Layer)',
    linearShort: 'linear',
    mlp: 'MLP {units} {activation}',
    mlpDropout: 'MLP {units} {activation}, Dropout',
    sgdMomentum: 'SGD (Momentum {momentum})',
    learningRate: 'Lernrate {value}',
    batch: 'Batch {value}',
    epochs: '{count} Epoche | {count} Epochen',
    l2: 'L2 {value}'
  },
  actions: {
    label: 'Aktionen für {name}',
    evaluate: 'Unter Evaluieren öffnen',
    rename: 'Umbenennen',
    resume: 'Fortsetzen',
    delete: 'Löschen'
  },
  export: {
    button: 'Exportieren',
    menu: 'Diesen Lauf exportieren',
    model: 'Modell für TensorFlow.js (tfjs)',
    safetensors: 'Gewichte für PyTorch (.safetensors)',
    metricsCsv: 'Metriken (CSV)',
    metricsJson: 'Metriken (JSON)',
    report: 'Bericht (PDF)'
  },
  deleteDialog: {
    title: '„{name}“ löschen?',
    body: 'Damit werden der Lauf, sein trainiertes Modell und seine Checkpoints von der Festplatte entfernt. Das lässt sich nicht rückgängig machen.',
    confirm: 'Löschen'
  },
  renameDialog: {
    title: 'Lauf umbenennen',
    name: 'Name des Laufs',
    save: 'Speichern'
  },
  ensemble: {
    evaluate: 'Angehakte Läufe als Ensemble evaluieren ({count})',
    hint: 'Haken Sie zwei oder mehr trainierte Läufe auf demselben Datensatz und Split an; das Ergebnis erscheint im Tab „Optimieren“.'
  },
  overlay: {
    train: '{name}: Training',
    test: '{name}: Test (Testsplit als Validierung benutzt)',
    axis: 'Loss (Cross-Entropy)',
    label:
      'Loss pro Epoche der ausgewählten Läufe: durchgezogen Training, gestrichelt Validierung (oder der Testsplit, wo ein Lauf keinen Validierungssplit hat)',
    empty: 'Haken Sie Läufe in der Tabelle an, um ihre Loss-Kurven zu vergleichen.'
  },
  newName: '{model} auf {dataset}, {time}',
  resumed: 'Das Training läuft ab dem letzten Checkpoint weiter.',
  cutOff: {
    beforeFirstEpoch: 'Das Training wurde unterbrochen, bevor die erste Epoche abgeschlossen war.',
    afterEpoch: 'Das Training wurde unterbrochen; es kann nach Epoche {epoch} weitergehen.'
  },
  reportSaved: 'Bericht gespeichert unter {path}.',
  reportSavedSomewhere: 'Bericht in der gewählten Datei gespeichert.',
  noRunToReport:
    'Es gibt noch keinen trainierten Lauf für einen Bericht. Trainieren Sie zuerst unter „Trainieren“ ein Modell.',
  damaged: {
    title: 'Beschädigte Läufe',
    intro:
      'In diesen Lauf-Ordnern liegt eine run.json, die das Lab nicht lesen kann. Die anderen Läufe sind davon nicht betroffen.',
    why: {
      empty: 'Seine run.json ist leer.',
      notJson: 'Seine run.json ist kein gültiges JSON; vermutlich wurde sie abgeschnitten.',
      newer:
        'Seine run.json stammt von einer neueren Version von MNIST Lab (Format {version}; diese Version liest bis Format {supported}). Aktualisieren Sie die App, um den Lauf zu öffnen.',
      notRecord: 'Seine run.json ist keine Laufaufzeichnung ({issue}).',
      badField: 'Seine run.json ist keine Laufaufzeichnung ({field}: {issue}).'
    },
    delete: 'Beschädigten Lauf {id} löschen'
  }
}

export default runs
