/**
 * Errors that cross a process boundary. They carry a machine-readable code and a
 * sentence a person can act on; never a stack trace.
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
  'rate_limited',
  'io_error',
  'training_failed',
  'out_of_memory',
  'unsupported',
  'internal'
] as const

export type LabErrorCode = (typeof labErrorCodes)[number]

export interface LabErrorInfo {
  code: LabErrorCode
  message: string
}

export type LabResult<T> = { ok: true; value: T } | { ok: false; error: LabErrorInfo }

/** Thrown by host and engine code; turned into a LabErrorInfo at the boundary. */
export class LabError extends Error {
  readonly code: LabErrorCode

  constructor(code: LabErrorCode, message: string) {
    super(message)
    this.name = 'LabError'
    this.code = code
  }

  toInfo(): LabErrorInfo {
    return { code: this.code, message: this.message }
  }
}

/** Anything thrown, as a LabErrorInfo. Unknown errors keep their message only. */
export function toErrorInfo(error: unknown): LabErrorInfo {
  if (error instanceof LabError) return error.toInfo()
  if (isErrorInfo(error)) return { code: error.code, message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: message || 'Something went wrong inside the lab.' }
}

export function isErrorInfo(value: unknown): value is LabErrorInfo {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as { code?: unknown; message?: unknown }
  return (
    typeof candidate.message === 'string' &&
    (labErrorCodes as readonly unknown[]).includes(candidate.code)
  )
}
