/**
 * Builds the training step choice.ts chose: the gradient step and the optimizer.
 *
 * What every step is, whichever path computes it (loss.ts, GradientStep): it
 * gets a batch (inputs, labels, a dropout seed) and returns the mean loss, the
 * number of right answers and one gradient per trainable variable; the
 * optimizer then applies the gradients. With more than one worker the gradients
 * come from a step pool (parallel/step-pool.ts): the engine thread and each worker
 * thread run the same path on their share of the batch.
 */
import type * as tf from '@tensorflow/tfjs'
import type { BackendName, ModelSpec, StepChoice } from '../../../../shared/contract'
import { trainableVariables } from '../model/model'
import type { ParallelStep, StepPoolOptions } from '../parallel/step-pool'
import { createAutodiffStep } from './autodiff'
import { createFastCnnStep, fastCnnFits } from './fast-cnn'
import { createFastMlpStep } from './fast-mlp'
import { createHostOptimizer } from './host-optimizers'
import type { GradientStep } from './loss'
import { createOptimizer, type Optimizer, type OptimizerSettings } from './optimizers'

export interface BuiltStep {
  gradients: GradientStep | ParallelStep
  optimizer: Optimizer
}

/**
 * Step workers, where the engine's host has threads (the Node engine:
 * parallel/step-pool.ts). The core never starts threads itself: it does no
 * file or thread I/O, so a browser host can run it too.
 */
export interface StepWorkers {
  /** Workers for a run that does not say: one per core. */
  perCore: number
  start(options: StepPoolOptions): Promise<ParallelStep>
}

/** What a step pool needs beyond the model: its workers rebuild the model from it. */
export interface PoolContext {
  workers: StepWorkers
  backend: BackendName
  classes: number
  batchSize: number
}

/**
 * The chosen path's gradient step and optimizer for `model`'s trainable variables;
 * with more than one worker, the step pool (started here, so this waits for it).
 */
export async function buildStep(
  choice: StepChoice,
  spec: ModelSpec,
  model: tf.LayersModel,
  settings: { l2: number; optimizer: OptimizerSettings },
  pool?: PoolContext
): Promise<BuiltStep> {
  const variables = trainableVariables(model)
  const optimizer =
    choice.optimizerOn === 'host'
      ? createHostOptimizer(settings.optimizer, variables)
      : createOptimizer(settings.optimizer, variables)
  if (choice.workers <= 1 || !pool) {
    return { gradients: buildGradientStep(choice, spec, model, settings.l2), optimizer }
  }
  try {
    const gradients = await pool.workers.start({
      workers: choice.workers,
      local: buildGradientStep({ ...choice, workers: 1 }, spec, model, settings.l2),
      backend: pool.backend,
      choice,
      spec,
      l2: settings.l2,
      inputSize: inputSizeOf(model),
      classes: pool.classes,
      batchSize: pool.batchSize,
      variables
    })
    return { gradients, optimizer }
  } catch (error) {
    optimizer.dispose()
    throw error
  }
}

/** The in-process gradient step of the chosen path (a step worker builds the same). */
export function buildGradientStep(
  choice: StepChoice,
  spec: ModelSpec,
  model: tf.LayersModel,
  l2: number
): GradientStep {
  const variables = trainableVariables(model)
  if (choice.path === 'fast-mlp') {
    if (spec.kind !== 'mlp') throw new Error('The fast MLP step trains MLPs only.')
    return createFastMlpStep(spec.hidden, variables, l2, choice.lossOn === 'host')
  }
  if (choice.path === 'fast-cnn') {
    const inputSize = inputSizeOf(model)
    if (!fastCnnFits(spec, inputSize) || spec.kind !== 'cnn') {
      throw new Error('The fast CNN step needs square images whose side every pooling halves.')
    }
    return createFastCnnStep(spec, variables, l2, inputSize)
  }
  return createAutodiffStep(model, variables, l2)
}

function inputSizeOf(model: tf.LayersModel): number {
  return model.inputs[0]!.shape[1]!
}
