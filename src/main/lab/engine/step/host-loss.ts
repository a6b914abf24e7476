/**
 * Softmax cross-entropy of one batch computed in JavaScript from the logits: the
 * loss, the right answers and d loss / d logits in one pass. On wasm this
 * replaces about twenty small kernels (max, exp, log, sums, argMax, the running
 * sums), each of which costs more in dispatch than the whole 256x10 loop here.
 */

export interface HostLoss {
  /** Mean cross-entropy over the batch. */
  loss: number
  /** Rows whose largest logit is the label (first largest on ties, as tf.argMax). */
  correct: number
}

/**
 * Reads `logits` (rows x classes, row-major) and writes (softmax - onehot) / rows
 * into `gradient`, which has the same layout.
 */
export function softmaxCrossEntropy(
  logits: Float32Array,
  labels: Int32Array,
  classes: number,
  gradient: Float32Array
): HostLoss {
  const rows = labels.length
  let lossSum = 0
  let correct = 0
  for (let r = 0, o = 0; r < rows; r++, o += classes) {
    let max = logits[o]!
    let argMax = 0
    for (let c = 1; c < classes; c++) {
      const v = logits[o + c]!
      if (v > max) {
        max = v
        argMax = c
      }
    }
    let sumExp = 0
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(logits[o + c]! - max)
      gradient[o + c] = e
      sumExp += e
    }
    const label = labels[r]!
    if (argMax === label) correct++
    // Max-shifted log-sum-exp, so large logits stay finite.
    lossSum += Math.log(sumExp) - (logits[o + label]! - max)
    const scale = 1 / (sumExp * rows)
    for (let c = 0; c < classes; c++) gradient[o + c] = gradient[o + c]! * scale
    gradient[o + label] = gradient[o + label]! - 1 / rows
  }
  return { loss: lossSum / rows, correct }
}
