import type en from '../en/errors'
import type { Catalogue } from '../catalogue'

const errors: Catalogue<typeof en> = {
  code: {
    invalid_request: 'Das Lab hat die Anfrage abgelehnt.',
    unknown_request: 'Diese Anfrage kennt das Lab nicht.',
    engine_crashed: 'Die Trainings-Engine ist unerwartet beendet worden.',
    engine_unavailable: 'Die Trainings-Engine ist nicht erreichbar.',
    not_found: 'Nicht gefunden.',
    dataset_invalid: 'Der Datensatz ist ungültig.',
    download_failed: 'Der Download ist fehlgeschlagen.',
    offline: 'Das Lab erreicht das Internet nicht.',
    cancelled: 'Abgebrochen.',
    busy: 'Das Lab ist gerade beschäftigt.',
    job_running:
      'Es läuft schon ein anderer Auftrag. Warten Sie, bis er fertig ist, oder brechen Sie ihn ab.',
    rate_limited:
      'Zu viele Anfragen auf einmal. Warten Sie einen Moment und versuchen Sie es dann noch einmal.',
    io_error: 'Eine Datei ließ sich nicht lesen oder schreiben.',
    training_failed: 'Das Training ist fehlgeschlagen.',
    out_of_memory: 'Dem Lab ist der Arbeitsspeicher ausgegangen.',
    unsupported: 'Das wird nicht unterstützt.',
    internal: 'Im Lab ist etwas schiefgelaufen.'
  },
  engineStartTimeout:
    'Die Engine ist nicht innerhalb einer Minute gestartet. Sehen Sie sich die Ausgabe im Terminal an und starten Sie die App dann neu.',
  engineNotRunning:
    'Die Engine läuft nicht. Warten Sie einen Moment, bis sie neu gestartet ist, und versuchen Sie es dann noch einmal.',
  engineShutDown: 'Die Engine wurde beendet, bevor sie antworten konnte.',
  exitedWhileStarting: 'Der Engine-Prozess hat sich schon beim Start beendet ({how}).',
  stoppedWhileWorking:
    'Der Engine-Prozess wurde unerwartet beendet ({how}), während er „{method}“ bearbeitete.',
  stopped: 'Der Engine-Prozess wurde unerwartet beendet ({how}).',
  checksDamaged:
    'Die Rezept-Prüfungen in {file} sind kein gültiges JSON. Löschen Sie die Datei; die Prüfungen lassen sich neu ausführen.',
  invalidFields:
    'Das Lab hat „{request}“ abgelehnt, weil diese Felder ungültig sind: {fields}. Korrigieren Sie sie und versuchen Sie es noch einmal.',
  invalidRequest: 'Das Lab hat „{request}“ abgelehnt: Die Eingabe ist ungültig.',
  untranslated: '{summary} (Details auf Englisch: {message})',
  connectionLost: 'Die Verbindung zum Lab-Server ist abgerissen. Läuft er noch?',
  jobRunning: {
    training:
      'Gerade läuft ein Training ({label}). Das Lab erledigt einen Auftrag nach dem anderen: Stoppen Sie es oder warten Sie, bis es fertig ist.',
    'learning-curve':
      'Gerade wird eine Lernkurve gemessen ({label}). Das Lab erledigt einen Auftrag nach dem anderen: Stoppen Sie sie oder warten Sie, bis sie fertig ist.',
    'overfit-batch':
      'Gerade läuft das Overfitten eines einzelnen Batches ({label}). Das Lab erledigt einen Auftrag nach dem anderen: Stoppen Sie es oder warten Sie, bis es fertig ist.',
    'lr-sweep':
      'Gerade läuft eine Suche nach der Lernrate ({label}). Das Lab erledigt einen Auftrag nach dem anderen: Stoppen Sie sie oder warten Sie, bis sie fertig ist.',
    search:
      'Gerade läuft eine Hyperparameter-Suche ({label}). Das Lab erledigt einen Auftrag nach dem anderen: Stoppen Sie sie oder warten Sie, bis sie fertig ist.'
  },
  engineRestarting: 'Der Engine-Prozess wurde unerwartet beendet ({how}) und wird neu gestartet.',
  engineGaveUp:
    'Die Engine ließ sich {times}-mal hintereinander nicht starten ({how}). Prüfen Sie die Ausgabe im Terminal und starten Sie die App dann neu.',
  engineCrashed:
    'Der Engine-Prozess wurde unerwartet beendet ({how}). Er startet neu; versuchen Sie es gleich noch einmal.'
}

export default errors
