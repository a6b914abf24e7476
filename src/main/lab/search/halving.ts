/**
 * Successive halving: trials are compared after a few epochs (the rungs), and
 * only the best 1/eta of those that reached a rung go on. Rungs double
 * (1, 2, 4, … epochs) and stop short of the epoch budget, where every
 * survivor finishes.
 */

/** The epochs after which trials are compared: 1, eta, eta², … below the budget. */
export function rungEpochs(epochBudget: number, eta = 2, firstRung = 1): number[] {
  const rungs: number[] = []
  for (let epoch = firstRung; epoch < epochBudget; epoch *= eta) rungs.push(epoch)
  return rungs
}

export interface RungScore {
  trial: number
  /** Validation accuracy at the rung; NaN for a trial that diverged. */
  score: number
}

/**
 * The trials that go on past a rung: the best floor(n / eta), at least one. A
 * diverged trial never goes on; ties keep the earlier trial (deterministic).
 */
export function promoted(scores: readonly RungScore[], eta = 2): Set<number> {
  const ranked = scores
    .filter((s) => Number.isFinite(s.score))
    .sort((a, b) => b.score - a.score || a.trial - b.trial)
  const keep = Math.max(1, Math.floor(scores.length / eta))
  return new Set(ranked.slice(0, keep).map((s) => s.trial))
}
