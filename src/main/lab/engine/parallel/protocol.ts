/**
 * What the engine and its step workers say to each other. The bulk (weights,
 * batch, gradients) travels through shared memory laid out here; messages carry
 * only offsets, counts and the results' two numbers.
 */
import type { BackendName, ModelSpec, StepChoice } from '../../../../shared/contract'

export interface SharedBuffers {
  /** All trainable parameters, variable after variable, as the engine holds them now. */
  weights: SharedArrayBuffer
  /** One gradient area per worker, each the size of `weights`. */
  gradients: SharedArrayBuffer
  /** The batch, batchSize x inputSize, scaled. */
  x: SharedArrayBuffer
  /** The batch's labels, one Int32 per row. */
  labels: SharedArrayBuffer
}

export interface WorkerSetup {
  index: number
  backend: BackendName
  /** The run's step choice: each worker builds the same path in its own thread. */
  choice: StepChoice
  spec: ModelSpec
  l2: number
  inputSize: number
  classes: number
  batchSize: number
  /** Shapes of the trainable variables in order, so both sides agree on the layout. */
  shapes: number[][]
  buffers: SharedBuffers
}

export interface ShareRequest {
  type: 'step'
  /** First row of the batch this worker computes, and how many rows. */
  offset: number
  count: number
  /** Rows in the whole batch: gradients are scaled by count / total. */
  total: number
  dropoutSeed: number
}

export type ToWorker = { type: 'setup'; setup: WorkerSetup } | ShareRequest

export type FromWorker =
  | { type: 'ready' }
  /**
   * `loss` is the share's mean loss times count / total, so the engine only adds;
   * `tensors` is the worker's live tensor count, which must not grow from step to step.
   */
  | { type: 'done'; loss: number; correct: number; tensors: number }
  | { type: 'error'; message: string }
