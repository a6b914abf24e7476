import type en from '../en/regularize'
import type { Catalogue } from '../catalogue'

const regularize: Catalogue<typeof en> = {
  errors: {
    testSplitsDiffer:
      'Die Test-Splits der beiden Läufe enthalten verschiedene Bilder, deshalb lassen sie sich nicht Bild für Bild vergleichen.',
    compareSameRun: 'Wählen Sie zwei verschiedene Läufe für den Vergleich.',
    compareDatasets:
      'Die Läufe wurden auf verschiedenen Datensätzen trainiert ({datasetA} und {datasetB}); ihre Test-Accuracy misst also nicht dasselbe.',
    compareSplits:
      'Die Läufe wurden auf verschieden großen Test-Splits getestet ({testA} und {testB} Bilder); der McNemar-Test braucht dieselben Bilder.',
    compareUnfinished:
      'Lauf „{name}“ hat noch keine abschließenden Test-Ergebnisse. Lassen Sie ihn zu Ende laufen (oder stoppen Sie ihn) und vergleichen Sie dann.'
  },
  stop: 'Stoppen',
  intro:
    'Tauschen Sie Trainings-Accuracy gegen Test-Accuracy, einen Hebel nach dem anderen: Jede Variante unterscheidet sich von ihrer Baseline in genau einer Sache, und der Vergleich sagt, ob der Unterschied echt ist oder Zufall.',
  baseline: {
    title: 'Baseline',
    run: 'Baseline-Lauf',
    none: 'Noch kein abgeschlossener Lauf auf diesem Datensatz: Trainieren Sie zuerst eine Baseline.',
    epochs: 'Epochen',
    validation: 'Validierungsanteil',
    validationHint:
      'Aus dem Trainingssplit zurückgehalten, stratifiziert und mit Seed. Early Stopping urteilt danach; der Testsplit wird erst ganz am Ende einmal benutzt.',
    train: 'Baseline trainieren',
    summary: '{name}: Test-Accuracy {accuracy}, Lücke Training/Test {gap}'
  },
  fields: {
    between: 'Geben Sie eine Zahl von {min} bis {max} ein.',
    wholeNumber: 'Geben Sie eine ganze Zahl von {min} bis {max} ein.'
  },
  levers: {
    title: 'Hebel',
    train: 'Variante trainieren',
    running: '{name} wird trainiert…',
    augmentation: 'Data Augmentation',
    shift: 'Verschiebung (Pixel)',
    rotate: 'Drehung (Grad)',
    scale: 'Skalierung (±)',
    preview: 'Eine Ziffer unter 16 zufälligen Ziehungen',
    previewDigit: 'augmentierte Ziehung {n}',
    dropout: 'Dropout',
    dropoutRate: 'Dropout-Rate',
    l2: 'L2-Weight-Decay',
    l2Value: 'L2-Faktor',
    modelSize: 'Modellgröße',
    factor: 'Breitenfaktor',
    factorHint: '0,5 halbiert jede Schicht, 2 verdoppelt sie.',
    batchSize: 'Batchgröße',
    batchSizeValue: 'Batchgröße',
    earlyStopping: 'Early Stopping',
    patience: 'Geduld (Epochen)',
    needsValidation:
      'Early Stopping urteilt nach dem Validierungssplit, und diese Baseline hat keinen: Trainieren Sie eine Baseline mit einem Validierungsanteil über 0.',
    noBaseline: 'Wählen Sie zuerst einen Baseline-Lauf.'
  },
  curve: {
    title: 'Mehr Daten: Lernkurve',
    fractions: 'Trainingsanteile',
    start: 'Lernkurve zeichnen',
    running: 'Training auf {done} von {total} Anteilen…',
    chart:
      'Lernkurve: Test- und Trainings-Accuracy über der Größe des Trainingssets, logarithmisch',
    axis: 'Trainingsbilder (logarithmisch)',
    test: 'Test-Accuracy',
    train: 'Trainings-Accuracy',
    failed: 'Die Lernkurve wurde abgebrochen: {message}',
    ended: {
      stopped: 'Der Lauf auf {percent} % des Trainingssplits wurde gestoppt; dort endet die Kurve.',
      diverged:
        'Der Lauf auf {percent} % des Trainingssplits ist divergiert; dort endet die Kurve.',
      interrupted:
        'Der Lauf auf {percent} % des Trainingssplits wurde unterbrochen; dort endet die Kurve.',
      failed:
        'Der Lauf auf {percent} % des Trainingssplits ist fehlgeschlagen; dort endet die Kurve.'
    }
  },
  compare: {
    title: 'Vergleich',
    baseline: 'Baseline',
    variant: 'Variante',
    choose: 'Wählen Sie zwei abgeschlossene Läufe zum Vergleichen.',
    runA: 'Lauf A (Baseline)',
    runB: 'Lauf B (Variante)',
    compare: 'Vergleichen',
    accuracy: 'Test-Accuracy',
    interval: '95-%-Intervall (Wilson)',
    gap: 'Lücke Training/Test in der behaltenen Epoche',
    bestEpoch: 'Behaltene Epoche',
    disagreements: '{onlyA} Testbilder hat nur A richtig, {onlyB} nur B.',
    mcnemar: 'Exakter McNemar-Test: p = {p}.',
    real: 'Der Unterschied ist wahrscheinlich echt: Zufall allein würde die Testbilder selten so ungleich aufteilen.',
    luck: 'Der Unterschied kann gut Zufall sein: Auf diesen Testbildern sind die beiden Läufe nicht zu unterscheiden.',
    seeds: 'Seeds',
    repeat: 'Mit {n} Seeds wiederholen',
    repeating: 'Wiederholung mit anderen Seeds: {done} von {total} Läufen…',
    spread: '{side}: mittlere Test-Accuracy {mean} ± {sd} über {count} Seeds',
    curves: 'Loss pro Epoche',
    accuracyCurves: 'Accuracy pro Epoche',
    fromRuns: 'Die beiden ausgewählten Läufe vergleichen'
  },
  marks: {
    best: 'Beste Epoche {n}',
    stopped: 'Gestoppt nach Epoche {n}'
  },
  report: {
    title: 'Vergleich mit der Baseline',
    lever: 'Dieser Lauf hat einen Hebel ({lever}) von Lauf {baseline} verändert.',
    figures:
      'Test-Accuracy {baselineAccuracy} in der Baseline, {variantAccuracy} hier; Lücke Training/Test {baselineGap} in der Baseline, {variantGap} hier.',
    notCompared: 'Noch nicht mit der Baseline verglichen (Tab Regularisieren, Vergleich).'
  },
  splits: {
    validation: 'Validierungs-Accuracy',
    testAsValidation: 'Test-Accuracy (Testsplit als Validierung benutzt)',
    validationLoss: 'Validierungs-Loss',
    testLossAsValidation: 'Test-Loss (Testsplit als Validierung benutzt)',
    overlayValidation: '{name}: Validierung'
  },
  checklist: {
    noBaseline:
      'Noch nicht: Dieser Lauf ist keine Variante einer Baseline (starten Sie eine im Tab Regularisieren).',
    notCompared: 'Eine Variante ({lever}) von Lauf {baseline}, noch nicht mit ihr verglichen.',
    narrowed:
      'Geändert: {lever}. Lücke Training/Test {before} Punkte in der Baseline, {after} Punkte hier; McNemar p = {p}.',
    notNarrowed:
      'Geändert: {lever}. Lücke Training/Test {before} Punkte in der Baseline, {after} Punkte hier (nicht kleiner); McNemar p = {p}.'
  },
  testAsValidation:
    'Dieser Lauf hat keinen Validierungssplit, seine Werte pro Epoche stammen also aus dem Testsplit. Wer Epochen oder Einstellungen danach auswählt, passt sich an den Testsplit selbst an, und dessen Ergebnis schmeichelt dem Modell dann.'
}

export default regularize
