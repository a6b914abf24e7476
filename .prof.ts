import * as tf from '@tensorflow/tfjs'
import { initBackend } from './src/main/lab/engine/backend'
import { buildModel, trainableVariables } from './src/main/lab/engine/model'
import { createFastMlpStep } from './src/main/lab/engine/fast-mlp'
import { createOptimizer } from './src/main/lab/engine/optimizers'
import { defaultModelSpec } from './src/shared/model-summary'
async function main() {
  await initBackend('wasm')
  const spec = defaultModelSpec
  if (spec.kind !== 'mlp') throw 0
  const model = buildModel(spec, 1)
  const vars = trainableVariables(model)
  const fast = createFastMlpStep(spec.hidden, vars, 0)
  const opt = createOptimizer({ name: 'adam', learningRate: 0.001, momentum: 0 }, vars)
  const x = tf.randomUniform([256, 784]) as tf.Tensor2D
  const o = tf.oneHot(tf.tensor1d(new Int32Array(256).map((_, i) => i % 10), 'int32'), 10).toFloat() as tf.Tensor2D
  const l = tf.tensor1d(new Int32Array(256).map((_, i) => i % 10), 'int32')
  const run = () => { const g = fast.gradients({ x, oneHot: o, labels: l, dropoutSeed: 1 }); opt.apply(g.grads); tf.dispose([g.loss, g.correct, ...g.grads]) }
  for (let i = 0; i < 20; i++) run()
  const totals = new Map<string, number>()
  const N = 30
  for (let i = 0; i < N; i++) {
    const info = await tf.profile(run)
    for (const k of info.kernels) {
      const key = k.name + ' ' + JSON.stringify(k.inputShapes)
      totals.set(key, (totals.get(key) ?? 0) + (k.kernelTimeMs as number))
    }
  }
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)
  let sum = 0; for (const v of totals.values()) sum += v
  console.log('kernel total per step', (sum / N).toFixed(3))
  for (const [k, v] of rows) console.log((v / N).toFixed(3), k)
}
main()
