import type { BackendName, GpuAdapter } from '../../../shared/contract'

type Translate = (key: string, params?: Record<string, unknown>) => string

/**
 * A backend in words, with the GPU adapter it runs on where there is one, and
 * "software" when that adapter only emulates a GPU (SwiftShader): the status
 * bar and the Train tab say it the same way.
 */
export function backendText(
  t: Translate,
  backend: BackendName,
  adapter: GpuAdapter | null | undefined
): string {
  const name = t(`common.backends.${backend}`)
  if (!adapter) return name
  const words = { vendor: adapter.vendor, architecture: adapter.architecture }
  const device = adapter.software ? t('gpu.softwareAdapter', words) : t('gpu.adapter', words)
  return t('gpu.backendOnAdapter', { backend: name, adapter: device })
}
