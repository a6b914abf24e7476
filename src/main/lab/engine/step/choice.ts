/**
 * The one place that decides how a training step runs: once per run, from the
 * model kind and the backend. Pure and free of tfjs, so the host asks it too
 * (`lab info`); plan.ts builds what it chose, and the run records the choice.
 */
import type { BackendName, ModelSpec, StepChoice } from '../../../../shared/contract'

/**
 * Backends whose tensors live in this process's memory. There, reading a tensor
 * is a copy and nothing waits on a device, so small parts of the step (loss,
 * optimizer) run faster in JavaScript than as many tiny kernels; on the native
 * backends the same read would stall the device.
 */
const hostBackends: ReadonlySet<BackendName> = new Set(['wasm', 'cpu'])

/**
 * `workers`: how many step workers the run asked for (its config's workers, or one
 * per core). They split batches on the host backends only; a native backend
 * spreads its kernels over the cores itself.
 */
export function chooseStep(kind: ModelSpec['kind'], backend: BackendName, workers = 1): StepChoice {
  const onHost = hostBackends.has(backend)
  const place = onHost ? 'host' : 'device'
  const where = onHost
    ? `${backend} tensors live in this process, so loss and optimizer run in JavaScript, cheaper than many small kernels`
    : `${backend} keeps tensors on its device, so everything stays there`
  const split = onHost && workers > 1 ? ` Each batch is split across ${workers} step workers.` : ''
  const threads = onHost ? workers : 1
  if (kind === 'mlp') {
    return {
      path: 'fast-mlp',
      lossOn: place,
      optimizerOn: place,
      workers: threads,
      reason: `MLP: forward and backward written out as plain matrix products; ${where}.${split}`
    }
  }
  if (onHost) {
    return {
      path: 'fast-cnn',
      lossOn: 'host',
      optimizerOn: 'host',
      workers: threads,
      reason: `CNN: convolution and pooling gradients written out as a few large kernels, since ${backend} has no fast ones; ${where}.${split}`
    }
  }
  return {
    path: 'autodiff',
    lossOn: 'device',
    optimizerOn: place,
    workers: threads,
    reason: `CNN: gradients by autodiff through the layers; ${where}.`
  }
}
