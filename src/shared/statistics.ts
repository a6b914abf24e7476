/**
 * Statistics for comparing two runs honestly: a confidence interval for an
 * accuracy, McNemar's test for two models scored on the same images, and the
 * mean and spread over seeds. Pure functions, checked against SciPy
 * (scripts/reference/statistics.py).
 */

/** The standard normal quantile for a two-sided 95% interval (scipy.stats.norm.ppf(0.975)). */
export const z95 = 1.959963984540054

export interface Interval {
  low: number
  high: number
}

/**
 * Wilson score interval for `successes` out of `trials`. Unlike the textbook
 * p ± z·sqrt(p(1-p)/n) it stays inside [0, 1] and keeps its coverage near 0 and 1,
 * where good models' accuracies live.
 */
export function wilsonInterval(successes: number, trials: number, z = z95): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || trials <= 0) {
    throw new RangeError(
      `A Wilson interval needs whole counts and trials > 0, not ${successes}/${trials}.`
    )
  }
  if (successes < 0 || successes > trials) {
    throw new RangeError(`Successes (${successes}) must lie between 0 and the trials (${trials}).`)
  }
  const p = successes / trials
  const z2 = z * z
  const denominator = 1 + z2 / trials
  const centre = (p + z2 / (2 * trials)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))
  // The exact ends at 0 and n, so rounding never leaves a sliver outside [0, 1].
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half)
  }
}

export interface Disagreements {
  /** Images model A got right and model B wrong. */
  onlyA: number
  /** Images model B got right and model A wrong. */
  onlyB: number
}

/** The two off-diagonal counts McNemar's test needs, from per-image predictions on one split. */
export function disagreements(
  labels: ArrayLike<number>,
  predictedA: ArrayLike<number>,
  predictedB: ArrayLike<number>
): Disagreements {
  if (predictedA.length !== labels.length || predictedB.length !== labels.length) {
    throw new RangeError(
      `Both models must be scored on the same images (${labels.length} labels, ${predictedA.length} and ${predictedB.length} predictions).`
    )
  }
  let onlyA = 0
  let onlyB = 0
  for (let i = 0; i < labels.length; i++) {
    const a = predictedA[i] === labels[i]
    const b = predictedB[i] === labels[i]
    if (a && !b) onlyA++
    else if (b && !a) onlyB++
  }
  return { onlyA, onlyB }
}

/**
 * McNemar's exact test: the two-sided p-value of the binomial test of `onlyA`
 * successes in onlyA + onlyB trials at 1/2 (statsmodels' mcnemar(exact=True)).
 * Exact rather than chi-square, because the disagreements between two similar
 * models are often few, where the chi-square approximation is poor.
 */
export function mcnemarExact({ onlyA, onlyB }: Disagreements): number {
  const n = onlyA + onlyB
  if (n === 0) return 1
  const k = Math.min(onlyA, onlyB)
  // Sum of C(n, i) / 2^n for i <= k, in log space so n in the thousands neither under- nor overflows.
  let logTerm = -n * Math.LN2
  let logTail = logTerm
  for (let i = 0; i < k; i++) {
    logTerm += Math.log(n - i) - Math.log(i + 1)
    logTail = logAdd(logTail, logTerm)
  }
  return Math.min(1, 2 * Math.exp(logTail))
}

function logAdd(a: number, b: number): number {
  const high = Math.max(a, b)
  return high + Math.log(Math.exp(a - high) + Math.exp(b - high))
}

export interface Spread {
  mean: number
  /** Sample standard deviation (n - 1); 0 for a single value. */
  sd: number
  count: number
}

/** Mean and spread of one figure over repeated runs (seeds). */
export function meanAndSpread(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('The mean of no values is undefined.')
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0)
  return {
    mean,
    sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0,
    count: values.length
  }
}
