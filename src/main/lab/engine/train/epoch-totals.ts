/**
 * The epoch's running loss and right answers. A step that computed its loss on
 * the host adds plain numbers; one that kept it on the device adds scalars that
 * stay there until the epoch ends, since reading them every batch would wait on
 * the device every batch.
 */
import * as tf from '@tensorflow/tfjs'
import type { StepGradients } from '../step/loss'

export class EpochTotals {
  private hostLoss = 0
  private hostCorrect = 0
  private deviceLoss: tf.Scalar | null = null
  private deviceCorrect: tf.Scalar | null = null

  /** Adds a batch of `size` rows; does not take ownership of the result's tensors. */
  add(result: Pick<StepGradients, 'loss' | 'correct'>, size: number): void {
    if (typeof result.loss === 'number') this.hostLoss += result.loss * size
    else this.deviceLoss = plus(this.deviceLoss, tf.mul(result.loss, size) as tf.Scalar, true)
    if (typeof result.correct === 'number') this.hostCorrect += result.correct
    else this.deviceCorrect = plus(this.deviceCorrect, result.correct, false)
  }

  /** The sums so far (one device read each, if any part is on the device; async for WebGPU). */
  async read(): Promise<{ loss: number; correct: number }> {
    const [loss, correct] = await Promise.all([
      this.deviceLoss ? this.deviceLoss.data() : null,
      this.deviceCorrect ? this.deviceCorrect.data() : null
    ])
    return {
      loss: this.hostLoss + (loss ? loss[0]! : 0),
      correct: this.hostCorrect + (correct ? correct[0]! : 0)
    }
  }

  dispose(): void {
    tf.dispose([this.deviceLoss, this.deviceCorrect].filter((t) => t !== null))
    this.deviceLoss = null
    this.deviceCorrect = null
  }
}

/** sum + addend; disposes the old sum, and the addend when this class made it. */
function plus(sum: tf.Scalar | null, addend: tf.Scalar, ownsAddend: boolean): tf.Scalar {
  if (!sum) return ownsAddend ? addend : addend.clone()
  const next = tf.add(sum, addend) as tf.Scalar
  tf.dispose(ownsAddend ? [sum, addend] : [sum])
  return next
}
