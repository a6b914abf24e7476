import type en from '../en/report'
import type { Catalogue } from '../catalogue'

const report: Catalogue<typeof en> = {
  preparing: 'Der Bericht wird vorbereitet…',
  failed: 'Der Bericht ließ sich nicht erstellen: {reason}',
  title: 'MNIST-Lab-Bericht: {name}',
  meta: '{date} · MNIST Lab {version} · trainiert auf dem Backend {backend} · Lauf {id}',
  metaNow:
    '{date} · MNIST Lab {version} · trainiert auf dem Backend {backend}, das Lab läuft jetzt auf {now} · Lauf {id}',
  unknownBackend: 'unbekannt',
  summary:
    '{model} · Status {status} · Test-Accuracy {accuracy} (am Ende, behaltene Gewichte) · {duration} Training',
  dataset: {
    heading: 'Datensatz',
    facts:
      '{name}: {train} Trainings- und {test} Testbilder mit {shape} Pixeln ({inputs} Inputs, Werte {min}–{max}), {classes} Klassen; größte durch kleinste Klasse in den Trainingsdaten: {ratio}.',
    short: '{name}: {train} Trainings- und {test} Testbilder.',
    histogram: 'Histogramm der Klassen',
    images: 'Bilder',
    chart: 'Bilder pro Klasse, Training und Test',
    train: 'Training',
    test: 'Test'
  },
  model: {
    heading: 'Modell und Hyperparameter',
    layers: 'Schichten ({count} Parameter)',
    layer: 'Schicht',
    output: 'Output',
    parameters: 'Parameter',
    hyperparameters: 'Hyperparameter',
    optimizer: 'Optimizer',
    momentum: '{optimizer}, Momentum {momentum}',
    learningRate: 'Lernrate',
    batchSize: 'Batchgröße',
    epochs: 'Epochen',
    epochsValue: '{done} von {total}',
    scaling: 'Skalierung der Inputs',
    l2: 'L2-Strafterm',
    shuffleSeed: 'Mischen, Seed',
    shuffleOn: 'jede Epoche, {seed}',
    shuffleOff: 'aus, {seed}'
  },
  curves: {
    heading: 'Trainingskurven',
    none: 'Noch keine Epoche abgeschlossen.',
    loss: 'Loss pro Epoche',
    accuracy: 'Accuracy pro Epoche',
    trainLoss: 'Trainings-Loss (gemessen)',
    runningLoss: 'Trainings-Loss (laufender Mittelwert)',
    testLoss: 'Test-Loss',
    trainAccuracy: 'Accuracy Training (gemessen)',
    runningAccuracy: 'Accuracy Training (laufender Mittelwert)',
    testAccuracy: 'Accuracy Test',
    crossEntropy: 'Cross-Entropy',
    accuracyAxis: 'Accuracy (%)'
  },
  evaluation: {
    confusion: 'Konfusionsmatrix',
    confusionText:
      'Testdaten: Accuracy {accuracy}, Makro-F1 {macroF1}, gewichteter F1 {weightedF1}. Zeilen sind die wahren Klassen, Spalten die vorhergesagten; blaue Zellen sind richtige Antworten, orange Fehler.',
    confusionLabel: 'Konfusionsmatrix der Testdaten, Anzahlen',
    perClass: 'Metriken pro Klasse',
    perClassCaption: 'Testdaten',
    misclassified: 'Falsch klassifizierte Ziffern',
    misclassifiedText:
      'Die Fehler, bei denen sich das Modell am sichersten war: wahr → vorhergesagt, mit den Wahrscheinlichkeiten des Modells.',
    heading: 'Auswertung',
    none: 'Dieser Lauf hat noch kein trainiertes Modell, das sich auswerten ließe.'
  },
  search: {
    heading: 'Suche',
    summary:
      'Suche {id}: {trials} Versuche mit bis zu {epochs} Epochen, Seed {seed}. Bewertet wurde auf einem Validierungs-Split, der von den Trainingsdaten abgezweigt ist; die schwächere Hälfte wurde nach den Epochen {rungs} beendet.',
    noRungs: '(keinen)',
    space: 'Suchraum',
    learningRate: 'Lernrate',
    learningRateRange: '{min} bis {max}, log-gleichverteilt',
    batchSize: 'Batch-Größe',
    model: 'Modell',
    mlpSpace: 'Breiten {widths}; verborgene Schichten {depths}',
    cnnSpace: 'Filter {filters}; Dense {dense}',
    dropout: 'Dropout',
    range: '{min} bis {max}',
    l2: 'L2',
    optimizer: 'Optimierer',
    schedule: 'Zeitplan',
    chosen:
      'Gewählt: Versuch {trial}, {optimizer}, Lernrate {learningRate} ({schedule}), Batch {batch}, L2 {l2}; Validierungs-Accuracy {validation}.'
  },
  checklist: {
    heading: 'Checkliste zum Rezept',
    done: 'erledigt',
    notYet: 'noch nicht',
    data: {
      step: '1. Erkunden: die Daten genau kennenlernen',
      evidence:
        '{count} Bilder mit {shape} Pixeln in {classes} Klassen; größte durch kleinste Klasse: {train} (Training), {test} (Test).',
      missing: 'Der Datensatz ließ sich für diesen Bericht nicht lesen.'
    },
    skeleton: {
      evidence:
        'Loss des ersten Batches {loss}; ein Modell mit {classes} Klassen, das gleichverteilt rät, beginnt bei ln({classes}) = {expected}.',
      missing: 'Für den ersten Batch wurde kein Loss aufgezeichnet.'
    },
    train: {
      step: '2. Trainieren: Loss nach der Initialisierung, dann sinkt der Loss',
      evidence: 'Laufender Mittelwert des Trainings-Loss {end} in Epoche {epoch}.',
      missing: 'Noch keine Epoche abgeschlossen.'
    },
    evaluate: {
      step: '3. Mehr als nur die Accuracy auswerten',
      evidenceTest:
        'Accuracy auf den Testdaten {accuracy}, Makro-F1 {macroF1}, gewichteter F1 {weightedF1}; Konfusionsmatrix und Tabelle pro Klasse siehe unten.',
      evidenceTrain:
        'Accuracy auf den Trainingsdaten {accuracy}, Makro-F1 {macroF1}, gewichteter F1 {weightedF1}; Konfusionsmatrix und Tabelle pro Klasse siehe unten.',
      missing: 'Noch nicht ausgewertet.'
    },
    overfit: {
      step: '4. Overfitten: ein Batch, dann die Trainingsdaten',
      oneBatch: 'Ein Batch mit {size} Bildern: Loss {loss} nach {steps} Schritten ({verdict}).',
      passed: 'bestanden',
      failed: 'nicht bestanden',
      noBatch: 'Noch kein Batch overfittet (Tab „Overfitten“).',
      evidence: 'Gemessene Accuracy Training {train}, Test {test} (Abstand {gap} Prozentpunkte).',
      notYet:
        'Gemessene Accuracy Training {train}, Test {test} (Abstand {gap} Prozentpunkte). Noch nicht: Ein Modell, das nicht einmal seine Trainingsdaten lernt, ist zu klein oder zu kurz trainiert.',
      missing:
        'Keine gemessene Trainings-Accuracy: Noch keine Epoche abgeschlossen, oder der Lauf ist älter als die gemessene Auswertung.'
    },
    regularize: {
      step: '5. Regularisieren'
    },
    tune: {
      step: '6. Optimieren',
      done: 'Die beste Konfiguration der Suche {searchId} ({trials} Versuche, Validierungs-Accuracy {validation}), Versuch {trial}, vollständig trainiert: {optimizer}, Lernrate {learningRate}, Batch {batch}, {epochs}.',
      notYet:
        'Noch nicht – keine abgeschlossene Suche hat diese Konfiguration gewählt ({optimizer}, Lernrate {learningRate}, Batch {batch}). Im Tab Tune eine Suche laufen lassen und dann ihre beste Konfiguration vollständig trainieren.',
      epochs: '{count} Epoche | {count} Epochen'
    }
  }
}

export default report
