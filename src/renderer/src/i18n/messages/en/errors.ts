import type { LabErrorCode } from '../../../../../shared/errors'

/**
 * What went wrong, by error code: the words for an error whose own message the
 * catalogue does not have. Messages for specific errors live in their area's
 * file under `errors` (e.g. runs.errors.notFound) and are named by the error.
 */
const code = {
  invalid_request: 'The lab refused the request.',
  unknown_request: 'The lab does not know this request.',
  engine_crashed: 'The training engine stopped unexpectedly.',
  engine_unavailable: 'The training engine is not available.',
  not_found: 'Not found.',
  dataset_invalid: 'The dataset is not valid.',
  download_failed: 'The download failed.',
  offline: 'The lab cannot reach the internet.',
  cancelled: 'Cancelled.',
  busy: 'The lab is busy.',
  job_running: 'Another job is running; wait for it or stop it first.',
  rate_limited: 'Too many requests at once; wait a moment, then try again.',
  io_error: 'A file could not be read or written.',
  training_failed: 'Training failed.',
  out_of_memory: 'The lab ran out of memory.',
  unsupported: 'This is not supported.',
  internal: 'Something went wrong inside the lab.'
} satisfies Record<LabErrorCode, string>

export default {
  code,
  /** An error the catalogue has no words of its own for: its summary, then the lab's own sentence. */
  engineStartTimeout:
    'The engine did not start within a minute. Check the terminal output, then restart the app.',
  engineNotRunning: 'The engine is not running. Wait a moment for it to restart, then try again.',
  engineShutDown: 'The engine was shut down before it answered.',
  exitedWhileStarting: 'The engine process exited while starting ({how}).',
  stoppedWhileWorking:
    'The engine process stopped unexpectedly ({how}) while working on "{method}".',
  stopped: 'The engine process stopped unexpectedly ({how}).',
  checksDamaged:
    'The recipe checks in {file} are not valid JSON. Delete the file; the checks can be run again.',
  invalidFields:
    'The lab refused "{request}": these fields are not valid: {fields}. Correct them and try again.',
  invalidRequest: 'The lab refused "{request}": its input is not valid.',
  untranslated: '{summary} {message}',
  connectionLost: 'The connection to the lab server was lost. Is it still running?',
  jobRunning: {
    training:
      'A training run is going ({label}). The lab runs one job at a time: stop it or wait for it to finish first.',
    'learning-curve':
      'A learning curve is being measured ({label}). The lab runs one job at a time: stop it or wait for it to finish first.',
    'overfit-batch':
      'A one-batch overfit is running ({label}). The lab runs one job at a time: stop it or wait for it to finish first.',
    'lr-sweep':
      'A learning-rate sweep is running ({label}). The lab runs one job at a time: stop it or wait for it to finish first.',
    search:
      'A search is running ({label}). The lab runs one job at a time: stop it or wait for it to finish first.'
  },
  engineRestarting: 'The engine process stopped unexpectedly ({how}). Restarting it.',
  engineGaveUp:
    'The engine could not start ({how}), {times} times in a row. Check the terminal output, then restart the app.',
  engineCrashed:
    'The engine process stopped unexpectedly ({how}). It is restarting; try again in a moment.'
}
