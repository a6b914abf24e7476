import type { TrainConfig } from '../../../shared/contract'

/** A config as older run.json files hold it: before trainFraction and workers existed. */
type StoredConfig = Omit<TrainConfig, 'trainFraction' | 'workers'> &
  Partial<Pick<TrainConfig, 'trainFraction' | 'workers'>> & { trainLimit?: unknown }

/**
 * Brings a stored config up to today's contract, so an old run still shows,
 * evaluates and resumes. Older runs had trainLimit instead of trainFraction, and
 * nothing but tests ever set it to anything but null (all rows).
 */
export function upgradeConfig(stored: StoredConfig): TrainConfig {
  const { trainLimit: _old, ...rest } = stored
  return { ...rest, trainFraction: rest.trainFraction ?? 1, workers: rest.workers ?? null }
}
