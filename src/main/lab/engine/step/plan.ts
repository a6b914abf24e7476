/**
 * Builds the training step choice.ts chose: the gradient step and the optimizer.
 *
 * What every step is, whichever path computes it (loss.ts, GradientStep): it
 * gets a batch (inputs, labels, a dropout seed) and returns the mean loss, the
 * number of right answers and one gradient per trainable variable; the
 * optimizer then applies the gradients. A new way to compute a step (a worker
 * pool splitting the batch, an im2col CNN) is a new path here, behind the same
 * GradientStep interface.
 */
import type * as tf from '@tensorflow/tfjs'
import type { ModelSpec, StepChoice } from '../../../../shared/contract'
import { trainableVariables } from '../model/model'
import { createAutodiffStep } from './autodiff'
import { createFastMlpStep } from './fast-mlp'
import { createHostOptimizer } from './host-optimizers'
import type { GradientStep } from './loss'
import { createOptimizer, type Optimizer, type OptimizerSettings } from './optimizers'

export interface BuiltStep {
  gradients: GradientStep
  optimizer: Optimizer
}

/** The chosen path's gradient step and optimizer for `model`'s trainable variables. */
export function buildStep(
  choice: StepChoice,
  spec: ModelSpec,
  model: tf.LayersModel,
  settings: { l2: number; optimizer: OptimizerSettings }
): BuiltStep {
  const variables = trainableVariables(model)
  const optimizer =
    choice.optimizerOn === 'host'
      ? createHostOptimizer(settings.optimizer, variables)
      : createOptimizer(settings.optimizer, variables)
  if (choice.path === 'fast-mlp') {
    if (spec.kind !== 'mlp') throw new Error('The fast MLP step trains MLPs only.')
    return {
      gradients: createFastMlpStep(spec.hidden, variables, settings.l2, choice.lossOn === 'host'),
      optimizer
    }
  }
  return { gradients: createAutodiffStep(model, variables, settings.l2), optimizer }
}
