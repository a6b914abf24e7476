/**
 * One HTTP(S) GET streamed to a file, hashed on the way. Knows nothing of
 * datasets: it reports what went wrong as a TransferError kind, and download.ts
 * decides what that means for the user.
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

export type TransferFailure = 'offline' | 'http' | 'stalled' | 'broken' | 'cancelled'

export class TransferError extends Error {
  constructor(
    readonly kind: TransferFailure,
    message: string
  ) {
    super(message)
    this.name = 'TransferError'
  }
}

export interface TransferOptions {
  signal?: AbortSignal
  /** Give up on a connection that sends nothing for this long (connecting included). */
  stallTimeoutMs: number
  /** Called with the bytes received so far, on every chunk. */
  onBytes?: (received: number) => void
}

export interface TransferResult {
  bytes: number
  sha256: string
}

/** Errors that mean the machine cannot reach the server at all. */
const offlineCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN'
])

const maxRedirects = 5

function classify(error: unknown, signal: AbortSignal | undefined): TransferError {
  if (error instanceof TransferError) return error
  if (signal?.aborted) return new TransferError('cancelled', 'cancelled')
  const code = (error as NodeJS.ErrnoException).code
  const reason = error instanceof Error ? error.message : String(error)
  if (code !== undefined && offlineCodes.has(code)) {
    return new TransferError('offline', `cannot connect (${code})`)
  }
  return new TransferError('broken', `the connection broke off (${code ?? reason})`)
}

/** Sends the GET and resolves with a 200 response, following a few redirects. */
function request(
  url: URL,
  options: TransferOptions,
  redirectsLeft: number,
  onStall: (error: TransferError) => void
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http
    const req = client.get(url, { signal: options.signal }, (res) => {
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (status >= 300 && status < 400 && location !== undefined) {
        res.resume()
        if (redirectsLeft === 0) {
          reject(new TransferError('http', 'too many redirects'))
          return
        }
        request(new URL(location, url), options, redirectsLeft - 1, onStall).then(resolve, reject)
        return
      }
      if (status !== 200) {
        res.resume()
        reject(new TransferError('http', `the server answered HTTP ${status}`))
        return
      }
      resolve(res)
    })
    // The socket timeout fires after stallTimeoutMs without traffic, while connecting or reading.
    req.setTimeout(options.stallTimeoutMs, () => {
      const stalled = new TransferError(
        'stalled',
        `no data arrived for ${Math.round(options.stallTimeoutMs / 1000)} s`
      )
      onStall(stalled)
      req.destroy(stalled)
    })
    req.on('error', reject)
  })
}

export async function transferToFile(
  url: string,
  dest: string,
  options: TransferOptions
): Promise<TransferResult> {
  // Errors raised on the request after the response began do not reach the body
  // stream, which only sees "aborted": remember why we ended it ourselves.
  let stalled: TransferError | undefined
  try {
    const res = await request(new URL(url), options, maxRedirects, (e) => (stalled = e))
    const announced = Number(res.headers['content-length'] ?? NaN)
    const hash = createHash('sha256')
    let received = 0
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        received += chunk.length
        options.onBytes?.(received)
        done(null, chunk)
      }
    })
    await pipeline(res, count, createWriteStream(dest), { signal: options.signal })
    if (Number.isFinite(announced) && received !== announced) {
      throw new TransferError(
        'broken',
        `the transfer ended after ${received} of ${announced} bytes`
      )
    }
    return { bytes: received, sha256: hash.digest('hex') }
  } catch (error) {
    throw stalled ?? classify(error, options.signal)
  }
}
