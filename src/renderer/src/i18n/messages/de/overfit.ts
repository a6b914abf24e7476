import type en from '../en/overfit'
import type { Catalogue } from '../catalogue'

const overfit: Catalogue<typeof en> = {
  errors: {
    batchTooLarge:
      'Ein Batch mit {batchSize} Bildern ist größer als der Trainings-Split ({count} Bilder). Wählen Sie einen Batch mit höchstens {count} Bildern.',
    engineBusy: {
      baselines:
        'Die Engine berechnet gerade die Baselines. Warten Sie, bis sie fertig ist, oder stoppen Sie sie zuerst.',
      batch:
        'Die Engine overfittet gerade einen einzelnen Batch. Warten Sie, bis sie fertig ist, oder stoppen Sie sie zuerst.'
    }
  },
  intro:
    'Schritt 4 des Rezepts: zeigen, dass Modell und Trainingsloop überhaupt lernen können. Das Modell ist das aus dem Tab „Trainieren“ ({model}) auf {dataset}.',
  noModel:
    'Im Formular des Tabs „Trainieren“ ist ein Feld ungültig – bitte zuerst dort korrigieren.',
  init: {
    title: 'Loss nach der Initialisierung',
    explain:
      'Ein untrainiertes Modell sollte gleichmäßig raten: Sein mittlerer Loss auf 1.000 festen Trainingsbildern liegt nahe ln(Anzahl der Klassen), seine Logits nahe null.',
    run: 'Loss nach der Initialisierung prüfen',
    running: 'Wird geprüft …',
    loss: 'Loss nach der Initialisierung',
    expected: 'Erwartet: ln({classes})',
    spread: 'Streuung der anfänglichen Logits',
    ok: 'Wie erwartet: Das Modell rät zu Beginn gleichmäßig.',
    off: 'Weit daneben. Übliche Ursachen: eine zu groß startende Ausgabeschicht, nicht skalierte Eingaben, falsche Labels.'
  },
  baselines: {
    title: 'Baselines',
    explain:
      'Einfache Vergleichswerte auf dem Testdatensatz: Diese Zahlen muss ein Modell schlagen, bevor es zeigt, dass es etwas aus den Pixeln gelernt hat.',
    run: 'Baselines trainieren',
    running: 'Baselines werden trainiert …',
    name: 'Baseline',
    accuracy: 'Test-Accuracy',
    loss: 'Test-Loss',
    meaning: 'Bedeutung',
    majority: 'Häufigste Klasse',
    majorityMeaning: 'Antwortet immer mit der häufigsten Klasse im Training.',
    independent: 'Eingabeunabhängig',
    independentMeaning:
      'Auf leeren Bildern trainiert: Es kann nur lernen, wie oft jede Klasse vorkommt.',
    linear: 'Lineares Softmax-Modell',
    linearMeaning: 'Eine Schicht von den Pixeln zu den Klassen, einige Epochen trainiert.',
    current: 'Bester bisheriger Lauf',
    currentMeaning: 'Die beste Test-Accuracy unter Ihren Läufen auf diesem Datensatz.'
  },
  batch: {
    stuck: {
      diverged:
        'Der Loss ist NaN oder unendlich geworden: Die Lernrate ist zu groß (versuchen Sie ein Zehntel davon), oder die Eingaben sind nicht skaliert.',
      flat: 'Der Loss hat sich kaum bewegt. Verdächtig sind die Lernrate (viel zu klein oder zu groß), eine Schicht, die nicht lernen kann (siehe die Diagnose unten), oder Labels, die gegen ihre Bilder vertauscht sind.',
      slow: 'Der Loss sinkt, aber zu langsam: Geben Sie ihm mehr Schritte oder eine größere Lernrate. Auch ein Modell, das für den Batch zu klein ist, oder gegen ihre Bilder vertauschte Labels halten ihn über null.'
    },
    title: 'Einen Batch overfitten',
    explain:
      'Ein fester Batch, ohne Mischen, ohne Dropout, ohne L2: Der Loss muss unter {pass} fallen. Unter {stop} endet es vorzeitig.',
    size: 'Batchgröße',
    steps: 'Höchstens Schritte',
    run: 'Einen Batch overfitten',
    running: 'Wird overfittet …',
    stop: 'Anhalten',
    chart: 'Loss auf dem Batch (logarithmisch)',
    step: 'Schritt',
    loss: 'Loss',
    chartSummary: 'Loss auf dem Batch: {loss} nach Schritt {step}',
    chartEmpty: 'Loss auf dem Batch: noch nicht gestartet',
    passed: 'Bestanden: Loss {loss} nach {steps} Schritten.',
    failed: 'Nicht bestanden: Loss {loss} nach {steps} Schritten.',
    images: 'Der Batch mit den Antworten des Modells',
    digit: 'Bild mit Label {label}, vorhergesagt {predicted}',
    right: '{right} von {total} richtig'
  },
  layers: {
    title: 'Diagnose pro Schicht (nach dem letzten Schritt, auf einem Batch)',
    layer: 'Schicht',
    mean: 'Mittelwert der Aktivierung',
    spread: 'Streuung der Aktivierung',
    dead: 'Tote Einheiten',
    gradient: 'Gradientennorm',
    healthy: 'Keine Warnungen: Jede Schicht ist aktiv und lernt.',
    warnings: {
      dead: '{layer}: {share} der Einheiten feuern auf diesem Batch nie (tote ReLUs). Senken Sie die Lernrate oder prüfen Sie die Skalierung der Eingaben und die Initialisierung.',
      vanishing:
        '{layer}: Der Gradient (Norm {norm}) ist neben dem größten ({largest}) verschwindend klein, die Schicht lernt also kaum. Suchen Sie davor nach gesättigten Aktivierungen (Sigmoid, tanh) oder toten Einheiten.'
    }
  },
  preset: {
    title: 'Den Trainingsdatensatz overfitten',
    explain:
      'Ein Modell, groß genug, um die Daten auswendig zu lernen, und nichts, was es bremst: MLP 784-512-512-10, kein Dropout, kein L2, {epochs} Epochen. Schritt 4 ist erledigt, sobald ein Modell 99 % gemessene Trainings-Accuracy erreicht. Im Tab „Trainieren“ sehen Sie die Lücke zwischen Trainings- und Test-Accuracy aufgehen.',
    apply: 'Overfit-Vorlage laden und zu „Trainieren“ wechseln'
  },
  dynamics: {
    title: 'Vorhersagen im Verlauf',
    explain:
      'Die ersten 16 Testbilder und was das Modell nach jeder Epoche vorhergesagt hat; je blasser ein Feld, desto unsicherer war das Modell. Welche Ziffern stehen früh fest, welche springen hin und her?',
    none: 'Trainieren Sie einen Lauf auf diesem Datensatz (zum Beispiel die Overfit-Vorlage), um das Raster zu füllen.',
    caption: 'Vorhersagen pro Epoche von {run}',
    image: 'Bild',
    imageLabel: 'Testbild mit Label {label}',
    cell: 'Epoche {epoch}: {predicted} vorhergesagt mit Wahrscheinlichkeit {confidence}'
  },
  quiz: {
    title: 'Menschliche Baseline',
    explain:
      'Beschriften Sie selbst 20 zufällige Testbilder. Danach zeigt das Lab Ihre Accuracy neben der des Modells auf denselben 20 Bildern ({run}).',
    noRun: 'Trainieren Sie zuerst einen Lauf auf diesem Datensatz: Das Quiz vergleicht Sie damit.',
    start: 'Quiz starten (20 Testbilder)',
    image: 'Quizbild {n}',
    answerFor: 'Ihre Antwort für Bild {n}',
    score: 'Antworten auswerten',
    truth: 'Label {label}, Modell {model}',
    result:
      'Ihr Ergebnis: {you} von {total} richtig ({youPercent}). Das Modell: {model} von {total} ({modelPercent}).',
    row: 'Sie (Quiz)',
    rowMeaning:
      'Ihre Accuracy auf 20 zufälligen Testbildern; das Modell hatte {model} davon richtig.'
  },
  report: {
    otherModel: 'Mit einem anderen Modell auf diesem Datensatz geprüft: {model}.',
    title: 'Belege für Schritt 4: Overfitten',
    none: 'Der Tab „Overfitten“ wurde für diesen Datensatz und dieses Modell noch nicht genutzt.',
    init: 'Loss nach der Initialisierung {loss} auf {images} Bildern; ln({classes}) = {expected} ({verdict}).',
    initOk: 'wie erwartet',
    initOff: 'weit daneben',
    noInit: 'Loss nach der Initialisierung nicht geprüft.',
    oneBatch: 'Ein Batch mit {size} Bildern: Loss {loss} nach {steps} Schritten ({verdict}).',
    passed: 'bestanden',
    failed: 'nicht bestanden',
    noBatch: 'Noch kein Batch overfittet.',
    curve: 'Loss des einzelnen Batches pro Schritt (logarithmisch)',
    gap: 'Gemessene Trainings-Accuracy {train}, Test {test}: eine Lücke von {gap} Prozentpunkten nach Epoche {epoch}.',
    noGap: 'Dieser Lauf hat keine gemessene Trainings-Accuracy.',
    noBaselines: 'Baselines nicht trainiert.'
  }
}

export default overfit
