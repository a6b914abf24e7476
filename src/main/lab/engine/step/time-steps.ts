/**
 * Times a few training steps of a model on the backend tfjs runs now, on random
 * inputs: what backend "auto" compares (auto-backend/choice.ts). Engine core: no
 * file or thread I/O, so the GPU engine page times its backend the same way.
 * One step first, untimed, so shader compilation and first allocations do not count.
 */
import * as tf from '@tensorflow/tfjs'
import type { BackendName, ModelSpec } from '../../../../shared/contract'
import { classCount, imagePixels } from '../../../../shared/image'
import { buildModel } from '../model/model'
import { chooseStep } from './choice'
import { readValue } from './loss'
import { buildStep } from './plan'

/** Timing stops after this much once a step has been timed: a slow backend shows itself at once. */
const enoughMs = 1000

export async function timeSteps(
  spec: ModelSpec,
  backend: BackendName,
  options: { batchSize: number; steps: number }
): Promise<number> {
  const model = buildModel(spec, 1)
  const { gradients, optimizer } = await buildStep(chooseStep(spec.kind, backend), spec, model, {
    l2: 0,
    optimizer: { name: 'adam', learningRate: 0.001, momentum: 0 }
  })
  if (gradients.kind === 'parallel') throw new Error('Timing runs one worker.')
  const x = tf.randomUniform([options.batchSize, imagePixels], 0, 1, 'float32', 1) as tf.Tensor2D
  const labels = Int32Array.from({ length: options.batchSize }, (_, i) => i % classCount)
  const step = async (): Promise<void> => {
    const result = gradients.gradients({ x, labels, dropoutSeed: 1 })
    optimizer.apply(result.grads)
    // Reading the loss waits for the device, so the time covers the whole step.
    await readValue(result.loss)
    tf.dispose([result.correct, ...result.grads])
    if (typeof result.loss !== 'number') result.loss.dispose()
  }
  try {
    await step()
    const started = performance.now()
    let timed = 0
    while (timed < options.steps && (timed === 0 || performance.now() - started < enoughMs)) {
      await step()
      timed += 1
    }
    return (performance.now() - started) / timed
  } finally {
    optimizer.dispose()
    x.dispose()
    model.dispose()
  }
}
