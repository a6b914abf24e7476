/**
 * How many training rows a run's trainFraction keeps. The host records it in
 * run.json and the engine trains on exactly that many, so both use this.
 */
export function trainedRowCount(total: number, fraction: number): number {
  // At least one row: a tiny fraction of a tiny dataset still trains.
  return Math.min(total, Math.max(1, Math.round(total * fraction)))
}
