/**
 * Host side of datasets: the cache (list, download, import, delete) lives here;
 * Explore's computations are forwarded to the engine, which holds the pixels.
 */
import { LabError, type DatasetSummary } from '../../../shared/contract'
import type { HostContext, HostHandlers } from '../context'
import {
  catalogSummary,
  importedSummary,
  listDatasets,
  removeDataset,
  sweepAbandoned
} from '../datasets/cache'
import { catalogEntry, type DownloadEntry } from '../datasets/catalog'
import { downloadDataset, progressThrottle } from '../datasets/download'
import { importDataset } from '../datasets/import'
import { readDatasetMeta, type DatasetMeta } from '../datasets/meta'
import { datasetDir } from '../paths'

type DatasetRequest =
  | 'datasets.list'
  | 'datasets.download'
  | 'datasets.cancelDownload'
  | 'datasets.import'
  | 'datasets.delete'
  | 'explore.facts'
  | 'explore.samples'
  | 'explore.scaling'
  | 'explore.classImages'

export interface DatasetHandlerOptions {
  /** Where a download id leads; tests point it at a local server. */
  downloadEntry?: (id: string) => DownloadEntry | undefined
  stallTimeoutMs?: number
}

function defaultDownloadEntry(id: string): DownloadEntry | undefined {
  const entry = catalogEntry(id)
  return entry?.kind === 'download' ? entry : undefined
}

/**
 * The engine may hold an old copy in memory; tell it to forget. An engine that
 * cannot be reached holds nothing (it reloads from disk when restarted), so its
 * absence must not fail an import or delete that already happened on disk.
 */
async function evict(ctx: HostContext, datasetId: string): Promise<void> {
  try {
    await ctx.engine.request('dataset.evict', { datasetId })
  } catch (error) {
    const unreachable =
      error instanceof LabError &&
      (error.code === 'engine_unavailable' || error.code === 'engine_crashed')
    if (!unreachable) throw error
  }
}

export function createDatasetHandlers(
  options: DatasetHandlerOptions = {}
): HostHandlers<DatasetRequest> {
  const findDownload = options.downloadEntry ?? defaultDownloadEntry
  /** Downloads in flight, so a second request is refused and cancel finds its controller. */
  const active = new Map<string, AbortController>()
  let swept = false

  const download = async (id: string, ctx: HostContext): Promise<DatasetSummary> => {
    const published = findDownload(id)
    // Mirrors the user named come first: a local or institutional copy beats the internet.
    const entry = published && {
      ...published,
      mirrors: [...(ctx.extraMirrors ?? []), ...published.mirrors]
    }
    if (!entry) {
      throw new LabError('unsupported', `"${id}" is not a dataset that can be downloaded.`, {
        key: 'explore.errors.notDownloadable',
        params: { id }
      })
    }
    // Claimed before the first await, so two quick clicks cannot start two downloads.
    if (active.has(id)) {
      throw new LabError('busy', `${entry.name} is already being downloaded.`, {
        key: 'explore.errors.alreadyDownloading',
        params: { name: entry.name }
      })
    }
    const controller = new AbortController()
    active.set(id, controller)
    let meta: DatasetMeta
    try {
      const cached = await readDatasetMeta(datasetDir(ctx.paths, id))
      if (cached) return catalogSummary(entry, cached, false)
      meta = await downloadDataset(ctx.paths, entry, {
        signal: controller.signal,
        stallTimeoutMs: options.stallTimeoutMs,
        onProgress: progressThrottle((event) => ctx.emit('dataset.downloadProgress', event))
      })
    } finally {
      active.delete(id)
    }
    await evict(ctx, id)
    return catalogSummary(entry, meta, false)
  }

  return {
    'datasets.list': async (_params, ctx) => {
      // Leftovers of a crashed download or import; once per host is enough.
      if (!swept) {
        swept = true
        await sweepAbandoned(ctx.paths)
      }
      return listDatasets(ctx.paths, new Set(active.keys()))
    },
    'datasets.download': ({ id }, ctx) => download(id, ctx),
    'datasets.cancelDownload': async ({ id }) => {
      const controller = active.get(id)
      controller?.abort()
      return { cancelled: controller !== undefined }
    },
    'datasets.import': async (params, ctx) => {
      const meta = await importDataset(ctx.paths, params)
      await evict(ctx, meta.id)
      return importedSummary(meta)
    },
    'datasets.delete': async ({ id }, ctx) => {
      const entry = catalogEntry(id)
      if (entry?.kind === 'bundled') {
        throw new LabError(
          'unsupported',
          `${entry.name} ships with the app and cannot be deleted.`,
          {
            key: 'explore.errors.bundled',
            params: { name: entry.name }
          }
        )
      }
      if (active.has(id)) {
        throw new LabError(
          'busy',
          `${entry?.name ?? id} is being downloaded; cancel the download first.`,
          { key: 'explore.errors.deleteWhileDownloading', params: { name: entry?.name ?? id } }
        )
      }
      const deleted = await removeDataset(ctx.paths, id)
      await evict(ctx, id)
      return { deleted }
    },
    'explore.facts': (params, ctx) => ctx.engine.request('explore.facts', params),
    'explore.samples': (params, ctx) => ctx.engine.request('explore.samples', params),
    'explore.scaling': (params, ctx) => ctx.engine.request('explore.scaling', params),
    'explore.classImages': (params, ctx) => ctx.engine.request('explore.classImages', params)
  }
}

export const datasetHandlers = createDatasetHandlers()
