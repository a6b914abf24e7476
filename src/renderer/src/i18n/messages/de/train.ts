import type en from '../en/train'
import type { Catalogue } from '../catalogue'

const train: Catalogue<typeof en> = {
  errors: {
    noCheckpoint:
      'Lauf {run} hat keinen lesbaren Checkpoint, an dem er weitermachen könnte. Starten Sie ihn als neuen Lauf.',
    otherRunTraining:
      'Lauf {run} trainiert gerade; pausieren oder stoppen Sie ihn, bevor Sie einen weiteren starten.',
    otherRunStarting: 'Ein anderer Lauf startet gerade; warten Sie, bis er läuft.',
    alreadyTraining: 'Lauf {run} trainiert bereits.',
    finished: 'Lauf {run} hat bereits alle seine Epochen durchlaufen.',
    stopFirst: 'Lauf {run} trainiert gerade; stoppen Sie ihn zuerst.',
    startingStopFirst: 'Ein Lauf startet gerade; warten Sie darauf und stoppen Sie ihn dann.',
    notTraining: 'Lauf {run} trainiert gerade nicht.'
  },
  model: {
    heading: 'Modell',
    architecture: 'Architektur',
    mlp: 'MLP (Schichten unten)',
    cnn: 'CNN-Vorlage',
    reset: 'Auf das Modell aus dem Notebook zurücksetzen',
    units: 'Knoten',
    activation: 'Aktivierung',
    dropout: 'Dropout',
    layers: 'Hidden Layer',
    hidden: 'Hidden {n}',
    unitsOf: 'Knoten, Hidden Layer {n}',
    activationOf: 'Aktivierung, Hidden Layer {n}',
    dropoutOf: 'Dropout, Hidden Layer {n}',
    remove: 'Hidden Layer {n} entfernen',
    output: 'Output: 10 Logits ohne Aktivierung (die Loss-Funktion wendet Softmax an).',
    linear: 'Kein Hidden Layer: ein lineares Modell.',
    addLayer: 'Schicht hinzufügen',
    cnnIntro:
      'Zwei 3×3-Faltungen mit ReLU, jeweils gefolgt von 2×2-Max-Pooling, danach eine Dense-Schicht und die 10 Logits.',
    filters1: 'Filter, Faltung 1',
    filters2: 'Filter, Faltung 2',
    dense: 'Knoten der Dense-Schicht',
    parameters: '{count} Parameter',
    parametersInvalid: 'Parameter: Bitte erst die Felder der Schichten korrigieren',
    diagram: 'Schichtdiagramm',
    layer: '{label}, Output {shape}, {count} Parameter'
  },
  setup: {
    heading: 'Daten und Hyperparameter',
    dataset: 'Datensatz',
    datasetOption: '{name}, {count} zum Trainieren',
    notReady: '{id} (nicht bereit)',
    scaling: 'Skalierung der Inputs (wie unter Erkunden gewählt)',
    scalings: {
      none: 'Keine (0 bis 255)',
      unit: '[0, 1]',
      symmetric: '[-1, 1]',
      standardize: 'Standardisieren (Mittelwert 0, Std. 1)'
    },
    optimizer: 'Optimizer',
    optimizers: {
      adam: 'Adam',
      sgd: 'SGD (mit Momentum)',
      rmsprop: 'RMSprop'
    },
    backend: 'Backend',
    backends: {
      auto: 'Automatisch (das beste, das lädt)',
      webgpu: 'GPU, WebGPU (Chromium)',
      webgl: 'GPU, WebGL (Chromium)',
      'tensorflow-gpu': 'GPU (tfjs-node-gpu)',
      tensorflow: 'CPU, nativ',
      wasm: 'CPU, WebAssembly',
      cpu: 'CPU, reines JavaScript'
    },
    learningRate: 'Lernrate',
    momentum: 'Momentum',
    batchSize: 'Batchgröße',
    epochs: 'Epochen',
    seed: 'Seed',
    l2: 'L2-Strafterm',
    workers: 'Worker',
    workersField: 'Worker (leer: einer pro Kern)',
    shuffle: 'In jeder Epoche neu mischen'
  },
  form: {
    enter: 'Bitte einen Wert für „{field}“ eingeben.',
    wholeAtLeast: '{field} muss eine ganze Zahl von {min} bis {max} sein.',
    wholeAbove: '{field} muss eine ganze Zahl größer als {min} und höchstens {max} sein.',
    numberAtLeast: '{field} muss eine Zahl von {min} bis {max} sein.',
    numberAbove: '{field} muss eine Zahl größer als {min} und höchstens {max} sein.',
    unitsOf: 'Knoten in Schicht {n}',
    dropoutOf: 'Dropout in Schicht {n}',
    filtersOf: 'Filter der Faltung {n}',
    tooManyLayers: 'Ein Modell hat höchstens {max} Hidden Layer.',
    noDataset:
      'Bitte einen Datensatz wählen, der bereit ist (unter Erkunden lässt sich einer herunterladen).'
  },
  controls: {
    label: 'Steuerung des Trainings',
    start: 'Training starten',
    pause: 'Pausieren',
    resume: 'Fortsetzen',
    stop: 'Stoppen'
  },
  live: {
    heading: 'Training',
    run: 'Lauf {id}',
    runOn: 'Lauf {id} auf {backend}'
  },
  progress: {
    label: 'Fortschritt des Trainings',
    valueText: '{percent}: {position}',
    preparing: 'Daten und Modell werden vorbereitet…',
    notStarted: 'Noch nicht gestartet',
    position: 'Epoche {epoch} von {epochs}, Batch {batch} von {batches}',
    eta: 'noch etwa {time}',
    speed: '{count} Beispiele/s',
    firstLoss:
      'Erster Loss {loss} (Schritt {step}) neben ln(10) = 2,303 – dort sollte ein Modell mit 10 Klassen anfangen.',
    firstLossFar:
      'Erster Loss {loss} (Schritt {step}) neben ln(10) = 2,303, wo ein Modell mit 10 Klassen anfangen sollte: Das liegt weit daneben. Prüfen Sie die Output-Schicht und die Skalierung der Inputs.'
  },
  outcome: {
    completed:
      'Training nach {done} abgeschlossen. Test-Accuracy (Testsplit als Validierung benutzt) nach Epoche {epoch}: {accuracy}.',
    completedValidation:
      'Training nach {done} abgeschlossen. Validierungs-Accuracy nach Epoche {epoch}: {validation}. Test-Accuracy, einmal am Ende auf den Gewichten von Epoche {kept} gemessen: {test}.',
    completedValidationPending:
      'Training nach {done} abgeschlossen. Validierungs-Accuracy nach Epoche {epoch}: {validation}. Der Testsplit wird auf den behaltenen Gewichten ausgewertet…',
    completedEmpty: 'Training abgeschlossen.',
    done: '{done} von {total} Epochen',
    paused:
      'Pausiert. Der Zustand des Optimizers bleibt erhalten: „Fortsetzen“ macht dort weiter, wo das Training stehen geblieben ist.',
    stopped: 'Training nach {done} gestoppt.',
    stoppedAccuracy:
      'Training nach {done} gestoppt. Test-Accuracy (Testsplit als Validierung benutzt) nach Epoche {epoch}: {accuracy}.',
    stoppedValidation:
      'Training nach {done} gestoppt. Validierungs-Accuracy nach Epoche {epoch}: {accuracy}.',
    diverged:
      'Divergiert. Der Loss wurde NaN oder unendlich, deshalb wurde das Training abgebrochen. Senken Sie die Lernrate (etwa auf ein Zehntel) oder skalieren Sie die Inputs.',
    failed: 'Das Training ist fehlgeschlagen: {reason}',
    noReason: 'ohne Angabe eines Grundes.',
    outOfMemory:
      'Dem Training ist der Speicher ausgegangen ({reason}). Wählen Sie eine kleinere Batch-Größe oder ein kleineres Modell, oder trainieren Sie mit weniger Beispielen.',
    interrupted:
      'Der Lauf wurde unterbrochen: {reason} Er bleibt als „unterbrochen“ gespeichert; Sie können ein neues Training starten.',
    engineStopped: 'Die Engine wurde beendet.',
    engineStoppedUnexpectedly: 'Die Engine wurde unerwartet beendet.',
    engineLost: {
      beforeFirstEpoch:
        'Die Engine wurde unerwartet beendet, noch bevor die erste Epoche abgeschlossen war.',
      afterEpoch:
        'Die Engine wurde unerwartet beendet. Der Lauf kann nach Epoche {epoch} weitertrainieren.'
    },
    gpuLost: {
      beforeFirstEpoch:
        'Die GPU-Engine ist ausgefallen: {why} Das geschah noch vor dem Ende der ersten Epoche. Läufe ohne GPU-Backend trainieren weiter auf der Node-Engine.',
      afterEpoch:
        'Die GPU-Engine ist ausgefallen: {why} Der Lauf kann an seinem Checkpoint nach Epoche {epoch} weitertrainieren; Läufe ohne GPU-Backend trainieren auf der Node-Engine.'
    }
  },
  charts: {
    loss: 'Loss',
    batchLoss: 'Loss pro Batch',
    smoothed: 'Geglättet (EMA)',
    trainLoss: 'Trainings-Loss (Epoche, gemessen)',
    runningLoss: 'Trainings-Loss (laufender Mittelwert der Epoche)',
    testLoss: 'Test-Loss (Epoche, Testsplit als Validierung benutzt)',
    validationLoss: 'Validierungs-Loss (Epoche)',
    chance: 'ln(10) = 2,303',
    step: 'Batch (Schritt)',
    crossEntropy: 'Cross-Entropy-Loss',
    lossSummary: 'Loss-Diagramm: {points} Batch-Punkte, geglätteter Loss {loss} bei Schritt {step}',
    lossEmpty: 'Loss-Diagramm: noch keine Batches',
    accuracy: 'Accuracy pro Epoche',
    accuracyAxis: 'Accuracy (%)',
    trainAccuracy: 'Accuracy Training',
    testAccuracy: 'Accuracy Test',
    accuracySummary:
      'Accuracy-Diagramm: nach Epoche {epoch} Test-Accuracy (Testsplit als Validierung benutzt) {accuracy}',
    accuracySummaryValidation:
      'Accuracy-Diagramm: nach Epoche {epoch} Validierungs-Accuracy {accuracy}',
    accuracyEmpty: 'Accuracy-Diagramm: noch keine Epoche abgeschlossen',
    afterFirstEpoch: 'Erscheint nach der ersten Epoche.'
  }
}

export default train
