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

export function chooseStep(kind: ModelSpec['kind'], backend: BackendName): StepChoice {
  const onHost = hostBackends.has(backend)
  const place = onHost ? 'host' : 'device'
  const where = onHost
    ? `${backend} tensors live in this process, so loss and optimizer run in JavaScript, cheaper than many small kernels`
    : `${backend} keeps tensors on its device, so everything stays there`
  if (kind === 'mlp') {
    return {
      path: 'fast-mlp',
      lossOn: place,
      optimizerOn: place,
      reason: `MLP: forward and backward written out as plain matrix products; ${where}.`
    }
  }
  return {
    path: 'autodiff',
    lossOn: 'device',
    optimizerOn: place,
    reason: `CNN: gradients by autodiff through the layers; ${where}.`
  }
}
