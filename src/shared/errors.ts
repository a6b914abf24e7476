/**
 * Errors that cross a process boundary. They carry a machine-readable code and a
 * sentence a person can act on; never a stack trace. The sentence is English
 * (the CLI and logs print it); an error the UI shows also names a message of
 * the renderer's catalogue and its parameters, so the UI can word it in the
 * user's language.
 */
export const labErrorCodes = [
  'invalid_request',
  'unknown_request',
  'engine_crashed',
  'engine_unavailable',
  'not_found',
  'dataset_invalid',
  'download_failed',
  'offline',
  'cancelled',
  'busy',
  /** The lab runs one job at a time (see src/main/lab/jobs.ts); the message names the running one. */
  'job_running',
  /** A web client sent more requests than the server takes from one connection. */
  'rate_limited',
  'io_error',
  'training_failed',
  'out_of_memory',
  'unsupported',
  'internal'
] as const

export type LabErrorCode = (typeof labErrorCodes)[number]

/**
 * Values an error's catalogue message fills in: names, paths, counts, or another
 * catalogue message (the renderer words it first), so that a sentence that
 * quotes another, such as why the GPU engine stopped, is translated whole.
 */
export type LabErrorParams = { [name: string]: string | number | LabErrorText }

/** Which catalogue message words an error, e.g. `runs.errors.notFound`, and with what. */
export interface LabErrorText {
  key: string
  params?: LabErrorParams
}

export interface LabErrorInfo {
  code: LabErrorCode
  message: string
  /** Absent for errors the catalogue does not word yet: the UI then shows `message`. */
  text?: LabErrorText
}

/**
 * A sentence the lab says in English (CLI, logs) and, where the catalogue has
 * words for it, as a catalogue message for the renderer to word.
 */
export type WordedMessage = Pick<LabErrorInfo, 'message' | 'text'>

export type LabResult<T> = { ok: true; value: T } | { ok: false; error: LabErrorInfo }

/** Thrown by host and engine code; turned into a LabErrorInfo at the boundary. */
export class LabError extends Error {
  readonly code: LabErrorCode
  readonly text?: LabErrorText

  constructor(code: LabErrorCode, message: string, text?: LabErrorText) {
    super(message)
    this.name = 'LabError'
    this.code = code
    if (text) this.text = text
  }

  /** Rebuilds an error that crossed a boundary as an info object. */
  static from(info: LabErrorInfo): LabError {
    return new LabError(info.code, info.message, info.text)
  }

  toInfo(): LabErrorInfo {
    return this.text
      ? { code: this.code, message: this.message, text: this.text }
      : { code: this.code, message: this.message }
  }
}

/** Anything thrown, as a LabErrorInfo. Unknown errors keep their message only. */
export function toErrorInfo(error: unknown): LabErrorInfo {
  if (error instanceof LabError) return error.toInfo()
  if (isErrorInfo(error)) return LabError.from(error).toInfo()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: message || 'Something went wrong inside the lab.' }
}

export function isErrorInfo(value: unknown): value is LabErrorInfo {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as { code?: unknown; message?: unknown; text?: unknown }
  return (
    typeof candidate.message === 'string' &&
    (labErrorCodes as readonly unknown[]).includes(candidate.code) &&
    (candidate.text === undefined || isErrorText(candidate.text))
  )
}

function isErrorText(value: unknown): value is LabErrorText {
  if (typeof value !== 'object' || value === null) return false
  const { key, params } = value as { key?: unknown; params?: unknown }
  if (typeof key !== 'string') return false
  if (params === undefined) return true
  return (
    typeof params === 'object' &&
    params !== null &&
    Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number')
  )
}
