import type { TabName } from '../../../shared/contract'

/**
 * What each not-yet-built step will hold, so the tab says so instead of
 * staying blank: catalogue keys, worded in the chosen language.
 */
export const comingSoon: Partial<Record<TabName, string[]>> = {
  Regularize: ['regularize.plan.switches', 'regularize.plan.earlyStopping', 'regularize.plan.gap']
}
