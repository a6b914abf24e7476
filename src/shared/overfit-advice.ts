/**
 * What the recipe's overfit checks conclude from their figures: which layers
 * look dead or barely learn, and why a batch would not overfit. Findings, not
 * sentences: the engine words them in English for the CLI and logs, the page
 * in the user's language, from the same thresholds.
 */
import type { LayerDiagnostics } from './contract'

/** More than this share of dead units in a layer earns a warning. */
export const deadShareWarning = 0.5
/** A gradient norm below this fraction of the largest layer's is "vanishingly small". */
export const vanishingRatio = 1e-3

export type LayerWarning =
  | { kind: 'dead'; layer: string; share: number }
  | { kind: 'vanishing'; layer: string; norm: number; largest: number }

/** The recipe's first warnings: dead layers, and gradients that vanish beside the others'. */
export function layerWarnings(layers: readonly LayerDiagnostics[]): LayerWarning[] {
  const warnings: LayerWarning[] = []
  const largest = Math.max(...layers.map((l) => l.gradientNorm))
  for (const l of layers) {
    if (l.deadShare !== null && l.deadShare > deadShareWarning) {
      warnings.push({ kind: 'dead', layer: l.layer, share: l.deadShare })
    }
    if (layers.length > 1 && largest > 0 && l.gradientNorm < largest * vanishingRatio) {
      warnings.push({ kind: 'vanishing', layer: l.layer, norm: l.gradientNorm, largest })
    }
  }
  return warnings
}

/** Why one batch's loss did not reach zero: it blew up, it hardly moved, or it fell too slowly. */
export type StuckReason = 'diverged' | 'flat' | 'slow'

export function stuckReason(curve: readonly { loss: number }[]): StuckReason {
  const first = curve[0]?.loss ?? NaN
  const last = curve[curve.length - 1]?.loss ?? NaN
  if (!Number.isFinite(last)) return 'diverged'
  // Less than a tenth off the starting loss: the step is not learning anything.
  return last > first * 0.9 ? 'flat' : 'slow'
}
