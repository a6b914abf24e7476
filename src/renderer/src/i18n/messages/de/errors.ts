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
    job_running: 'Es läuft schon ein anderer Auftrag. Warte, bis er fertig ist, oder brich ihn ab.',
    rate_limited: 'Zu viele Anfragen auf einmal. Warte einen Moment und versuche es dann noch einmal.',
    io_error: 'Eine Datei ließ sich nicht lesen oder schreiben.',
    training_failed: 'Das Training ist fehlgeschlagen.',
    out_of_memory: 'Dem Lab ist der Arbeitsspeicher ausgegangen.',
    unsupported: 'Das wird nicht unterstützt.',
    internal: 'Im Lab ist etwas schiefgelaufen.'
  },
  untranslated: '{summary} (Details auf Englisch: {message})',
  connectionLost: 'Die Verbindung zum Lab-Server ist abgerissen. Läuft er noch?'
}

export default errors
