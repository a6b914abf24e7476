import type { TabName } from '../../../shared/contract'

/**
 * What each not-yet-built step will hold, so the tab says so instead of
 * staying blank: catalogue keys, worded in the chosen language.
 */
export const comingSoon: Partial<Record<TabName, string[]>> = {
  Overfit: ['overfit.plan.initialLoss', 'overfit.plan.oneBatch', 'overfit.plan.wholeSet']
}
