import type en from '../en/evaluate'
import type { Catalogue } from '../catalogue'

const evaluate: Catalogue<typeof en> = {
  errors: {
    noModel:
      'Lauf „{name}“ hat noch kein trainiertes Modell, das sich evaluieren ließe. Das Training speichert es nach jeder fertigen Epoche: Trainieren Sie mindestens eine Epoche und evaluieren Sie dann.',
    noTrueClass:
      'Eine wahre Klasse {value} gibt es nicht: Dieser Datensatz hat die Klassen 0 bis {last}.',
    noPredictedClass:
      'Eine vorhergesagte Klasse {value} gibt es nicht: Dieser Datensatz hat die Klassen 0 bis {last}.',
    imageSize: 'Ein Bild hat {pixels} Pixel, nicht {given}.',
    outputsMismatch:
      'Das Modell liefert {outputs} Ausgaben pro Bild, der Datensatz hat aber {classes} Klassen. Evaluieren Sie den Lauf auf dem Datensatz, auf dem er trainiert wurde.'
  },
  noRun:
    'Noch kein trainierter Lauf. Trainieren Sie unter „Trainieren“ ein Modell – seine Auswertung erscheint dann hier.',
  evaluating: 'Wird ausgewertet…',
  toolbar: {
    run: 'Lauf',
    runOption: '{name} ({status})',
    split: 'Teil',
    test: 'Testdaten',
    train: 'Trainingsdaten',
    export: 'Bericht exportieren (PDF)'
  },
  splits: {
    train: 'Trainingsdaten',
    test: 'Testdaten'
  },
  summary: {
    heading: 'So gut schneidet das Modell ab: {split}',
    accuracy: 'Accuracy',
    macroF1: 'Makro-F1',
    weightedF1: 'Gewichteter F1',
    balance: '{count} Bilder; die größte Klasse ist {ratio} so groß wie die kleinste.',
    missing: '{count} Bilder; die größte Klasse ist vorhanden, während eine andere fehlt.',
    whyTitle: 'Warum die Accuracy allein täuscht:',
    why: 'Sie zählt jedes Bild einmal, häufige Klassen bestimmen sie also. Gehören 95 % der Bilder zu einer Klasse, erreicht ein Modell, das immer diese Klasse antwortet, 95 % Accuracy – und hat nichts gelernt. Der Makro-F1 mittelt über die Klassen gleichgewichtet und würde das aufdecken; der gewichtete F1 gewichtet sie nach ihrer Häufigkeit.'
  },
  table: {
    caption: 'Metriken pro Klasse ({split})',
    class: 'Klasse',
    precision: 'Precision',
    recall: 'Recall',
    f1: 'F1-Score',
    support: 'Anzahl',
    neverPredicted: 'nie vorhergesagt',
    neverNote:
      'Das Modell hat {classes} nie vorhergesagt. Die Precision ist der Anteil der richtigen unter den Vorhersagen einer Klasse; ohne Vorhersagen ist sie nicht definiert und wird nach Konvention als 0 angegeben.'
  },
  heatmap: {
    heading: 'Konfusionsmatrix',
    show: 'Anzeigen',
    counts: 'Anzahlen',
    recall: 'Zeilenweise normiert (Recall)',
    precision: 'Spaltenweise normiert (Precision)',
    label:
      'Konfusionsmatrix als Heatmap ({split}): Zeilen sind die wahren Klassen, Spalten die vorhergesagten. Eine Zelle lässt sich über die Liste der häufigsten Verwechslungen oder die Zellauswahl wählen.',
    hint: 'Blau: richtige Antworten; Orange: Fehler (jeweils relativ zur größten eigenen Zelle). Fahren Sie über eine Zelle, um ihre Zahlen zu sehen; klicken Sie sie an oder wählen Sie sie in der Zellauswahl, um ihre Bilder zu sehen.',
    predicted: 'Vorhergesagte Klasse',
    true: 'Wahre Klasse',
    cell: 'Wahr {true}, vorhergesagt {predicted}',
    prompt:
      'Klicken Sie eine Zelle der Heatmap an oder wählen Sie ein Paar mit der Tastatur, um seine Bilder zu sehen.',
    images: 'keine Bilder | ein Bild | {count} Bilder',
    ofTrue: '{share} der wahren {name} (Zeile)',
    ofPredicted: '{share} der vorhergesagten {name} (Spalte)'
  },
  pairs: {
    heading: 'Häufigste Verwechslungen',
    none: 'Auf diesem Teil gibt es keine Fehler.',
    pair: 'Wahr {true}, vorhergesagt {predicted}: {count}'
  },
  picker: {
    true: 'Wahre Klasse',
    predicted: 'Vorhergesagte Klasse',
    show: 'Zelle zeigen'
  },
  cell: {
    heading: 'Bilder einer Zelle',
    loading: 'Bilder werden geladen…',
    empty: 'In diese Zelle fällt kein Bild.',
    summary:
      'keine Bilder | Ein Bild, das sicherste zuerst. | {count} Bilder, die sichersten zuerst.',
    summaryShowing:
      'keine Bilder | Ein Bild, das sicherste zuerst ({shown} angezeigt). | {count} Bilder, die sichersten zuerst ({shown} angezeigt).',
    images: 'Bilder: {title}'
  },
  losses: {
    heading: 'Die überzeugtesten Fehler (höchster Loss)',
    gallery: 'Höchster Loss'
  },
  digit: {
    label: 'Bild {index}: wahr {true}, vorhergesagt {predicted}',
    loss: 'Loss {loss}',
    probability: '{name}: {share}'
  },
  draw: {
    heading: 'Eine Ziffer zeichnen',
    pad: 'Zeichenfläche: Ziffer mit Maus, Finger oder Stift zeichnen',
    clear: 'Löschen',
    sees: 'Das sieht das Modell (28×28, nach Schwerpunkt zentriert wie bei MNIST)',
    input: 'Input des Modells, 28 mal 28 Pixel',
    prediction: 'Vorhersage:',
    probabilities: 'Wahrscheinlichkeiten',
    prompt: 'Zeichnen Sie, um die zehn Wahrscheinlichkeiten zu sehen.'
  }
}

export default evaluate
