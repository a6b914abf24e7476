/**
 * Downloads a published dataset into the cache: each file from the first mirror
 * that delivers it intact (right SHA-256), streamed into a staging folder that
 * only becomes a cache entry once all four files are verified and parse.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { LabError, type DownloadProgressEvent } from '../../../shared/contract'
import type { LabPaths } from '../paths'
import { installDataset, writeIdxFiles } from './cache'
import { totalDownloadBytes, type DownloadEntry, type PublishedFile } from './catalog'
import { idxRoles, mapRoles, type IdxRole } from './files'
import { decodeContainer } from './idx'
import { parseIdxSet } from './idx-set'
import { sha256, type DatasetMeta } from './meta'
import { TransferError, transferToFile, type TransferFailure } from './transfer'

export interface DownloadOptions {
  signal?: AbortSignal
  /** Every progress update; throttle before showing (see progressThrottle). */
  onProgress?: (event: DownloadProgressEvent) => void
  /** Default 30 s: long enough for a slow mirror, short enough that a dead one is noticed. */
  stallTimeoutMs?: number
  now?: () => number
}

const defaultStallTimeoutMs = 30_000

interface MirrorFailure {
  url: string
  kind: TransferFailure | 'checksum'
  reason: string
}

/**
 * The IDX bytes of a downloaded file if it is the published one: the .gz hash
 * matches, or (for a mirror that re-compressed it) the decompressed bytes do.
 */
async function verified(
  path: string,
  file: PublishedFile,
  gzHash: string
): Promise<Uint8Array | null> {
  const content = await readFile(path)
  if (gzHash === file.sha256) return decodeContainer(content, file.name)
  if (file.rawSha256 === undefined) return null
  let decoded: Uint8Array
  try {
    decoded = decodeContainer(content, file.name)
  } catch {
    return null
  }
  return sha256(decoded) === file.rawSha256 ? decoded : null
}

function host(url: string): string {
  return new URL(url).host
}

/** The error for a file no mirror delivered, with what to do next. */
function failureError(
  entry: DownloadEntry,
  file: PublishedFile,
  failures: MirrorFailure[]
): LabError {
  const tried = failures.map((f) => `${host(f.url)}: ${f.reason}`).join('; ')
  const alternatives = `import the four files from a folder, or use the MNIST sample, which works offline`
  if (failures.every((f) => f.kind === 'offline')) {
    return new LabError(
      'offline',
      `Cannot reach the download servers for ${entry.name} (${tried}). Check the internet connection and retry, ${alternatives}.`,
      { key: 'explore.errors.offline', params: { name: entry.name, tried } }
    )
  }
  if (failures.some((f) => f.kind === 'checksum')) {
    return new LabError(
      'dataset_invalid',
      `${file.name} of ${entry.name} did not match its published SHA-256 (${tried}), so it was not kept. Retry later, or ${alternatives}.`,
      { key: 'explore.errors.checksum', params: { file: file.name, name: entry.name, tried } }
    )
  }
  return new LabError(
    'download_failed',
    `Downloading ${file.name} of ${entry.name} failed (${tried}). Nothing was kept. Retry, or ${alternatives}.`,
    { key: 'explore.errors.downloadFailed', params: { file: file.name, name: entry.name, tried } }
  )
}

const cancelledError = (entry: DownloadEntry): LabError =>
  new LabError('cancelled', `The download of ${entry.name} was cancelled; nothing was kept.`, {
    key: 'explore.errors.cancelled',
    params: { name: entry.name }
  })

export async function downloadDataset(
  paths: LabPaths,
  entry: DownloadEntry,
  options: DownloadOptions = {}
): Promise<DatasetMeta> {
  const now = options.now ?? Date.now
  const started = now()
  const totalBytes = totalDownloadBytes(entry)
  let doneBytes = 0

  const report = (file: string, receivedInFile: number): void => {
    const receivedBytes = doneBytes + receivedInFile
    const seconds = Math.max((now() - started) / 1000, 1e-3)
    options.onProgress?.({
      id: entry.id,
      file,
      receivedBytes,
      totalBytes,
      percent: Math.min(100, (100 * receivedBytes) / totalBytes),
      bytesPerSecond: receivedBytes / seconds
    })
  }

  /** Tries each mirror in order; returns the verified IDX bytes and where they came from. */
  const fetchFile = async (
    staging: string,
    file: PublishedFile
  ): Promise<{ idx: Uint8Array; url: string }> => {
    const failures: MirrorFailure[] = []
    const temp = join(staging, `${file.name}.part`)
    for (const mirror of entry.mirrors) {
      const url = new URL(file.name, mirror).toString()
      try {
        const result = await transferToFile(url, temp, {
          signal: options.signal,
          stallTimeoutMs: options.stallTimeoutMs ?? defaultStallTimeoutMs,
          onBytes: (received) => report(file.name, received)
        })
        const idx = await verified(temp, file, result.sha256)
        if (idx !== null) return { idx, url }
        failures.push({
          url,
          kind: 'checksum',
          reason: `wrong SHA-256 ${result.sha256.slice(0, 12)}…`
        })
      } catch (error) {
        if (options.signal?.aborted) throw cancelledError(entry)
        if (!(error instanceof TransferError)) throw error
        failures.push({ url, kind: error.kind, reason: error.message })
      } finally {
        await rm(temp, { force: true })
      }
    }
    throw failureError(entry, file, failures)
  }

  return installDataset(paths, entry.id, async (staging) => {
    const idx: Partial<Record<IdxRole, Uint8Array>> = {}
    const urls: string[] = []
    for (const role of idxRoles) {
      const file = entry.files[role]
      const fetched = await fetchFile(staging, file)
      idx[role] = fetched.idx
      urls.push(fetched.url)
      doneBytes += file.bytes
      report(file.name, 0)
    }
    const bytes = mapRoles((role) => idx[role] ?? new Uint8Array())
    const set = parseIdxSet(
      bytes,
      mapRoles((role) => entry.files[role].name),
      entry.classNames.length
    )
    return {
      format: 1,
      id: entry.id,
      name: entry.name,
      kind: 'download',
      classNames: entry.classNames,
      counts: { train: set.train.count, test: set.test.count },
      source: urls,
      importedAt: new Date(now()).toISOString(),
      ...(await writeIdxFiles(staging, bytes))
    }
  })
}

/**
 * Passes on at most one progress event per interval (10 per second by default),
 * and always the final one, so the bar ends at 100% however fast the transfer was.
 */
export function progressThrottle(
  emit: (event: DownloadProgressEvent) => void,
  intervalMs = 100,
  now: () => number = Date.now
): (event: DownloadProgressEvent) => void {
  let last = -Infinity
  return (event) => {
    const t = now()
    const fileDone = event.receivedBytes >= event.totalBytes
    if (t - last >= intervalMs || fileDone) {
      last = t
      emit(event)
    }
  }
}
