/**
 * Whether tensors of the current backend live in this process's memory (wasm,
 * cpu). There, reading a tensor is a copy and nothing waits on a device, so the
 * training step may compute small parts in JavaScript; on the native backends
 * the same read would stall the device, and everything stays there.
 */
import * as tf from '@tensorflow/tfjs'

const hostBackends: ReadonlySet<string> = new Set(['wasm', 'cpu'])

export function computesOnHost(): boolean {
  return hostBackends.has(tf.getBackend())
}
