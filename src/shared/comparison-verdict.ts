/**
 * The plain sentence under a McNemar p-value. The conventional 5% line: below
 * it, a difference this large would rarely come from luck alone on these images.
 */
export const significanceLevel = 0.05

export function isLikelyReal(p: number): boolean {
  return p < significanceLevel
}

/** English, for the command line; the app says it through the catalogue (regularize.verdict). */
export function statisticsVerdict(p: number): string {
  return isLikelyReal(p)
    ? `The difference is likely real: p < ${significanceLevel}, so luck alone would rarely split the test images this unevenly.`
    : `The difference may be luck: p ≥ ${significanceLevel}, so the two runs cannot be told apart on these test images.`
}
