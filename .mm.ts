import * as tf from '@tensorflow/tfjs'
import { initBackend } from './src/main/lab/engine/backend'
function time(name: string, f: () => void, n = 300) {
  for (let i = 0; i < 20; i++) f()
  const t = performance.now()
  for (let i = 0; i < n; i++) f()
  console.log(name.padEnd(40), ((performance.now() - t) / n).toFixed(4), 'ms')
}
async function main() {
  await initBackend('wasm')
  for (const [m, k, n] of [[64, 256, 64], [256, 64, 64], [256, 784, 64], [64, 256, 784], [784, 256, 64], [256, 64, 10]]) {
    const a = tf.randomNormal([m, k]), b = tf.randomNormal([k, n])
    time(`cached ${m}x${k} . ${k}x${n}`, () => tf.matMul(a, b).dispose())
    time(`fresh b ${m}x${k} . ${k}x${n}`, () => { const bb = b.clone(); tf.matMul(a, bb).dispose(); bb.dispose() })
    time(`fresh b (add) ${m}x${k} . ${k}x${n}`, () => { const bb = tf.add(b, 0); tf.matMul(a, bb).dispose(); bb.dispose() })
  }
}
main()
