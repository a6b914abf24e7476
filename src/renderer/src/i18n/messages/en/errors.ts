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
  untranslated: '{summary} {message}',
  connectionLost: 'The connection to the lab server was lost. Is it still running?'
}
