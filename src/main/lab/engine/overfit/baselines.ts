/**
 * Dumb baselines (Karpathy: "get dumb baselines"): what a model must beat before
 * it shows it learned anything from the pixels.
 */
import type { BackendName, BaselineResult } from '../../../../shared/contract'
import type { PreparedSplit } from '../data/batches'
import { buildModel } from '../model/model'
import { chooseStep } from '../step/choice'
import { buildStep } from '../step/plan'
import { TrainingControl } from '../train/control'
import { evaluate, trainLoop } from '../train/loop'

export const baselineEpochs = 3
/** The input-independent model gets at least this many steps: a small split has few per epoch. */
const inputIndependentSteps = 1000
const batchSize = 256
/** The input-independent model only moves its output bias: a larger step gets it there in a few epochs. */
const inputIndependentRate = 0.01
const linearRate = 0.001

export function classCounts(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0)
  for (const label of labels) counts[label]!++
  return counts
}

/** Always the class most frequent in train; a hard guess has no probabilities, so no loss. */
export function majorityBaseline(
  train: PreparedSplit,
  test: PreparedSplit,
  classes: number
): BaselineResult {
  const counts = classCounts(train.labels, classes)
  const majority = counts.indexOf(Math.max(...counts))
  const hits = classCounts(test.labels, classes)[majority]!
  return { baseline: 'majority', testAccuracy: hits / test.count, testLoss: null }
}

/** The split with every pixel set to zero: a model then sees only the labels. */
function blanked(split: PreparedSplit): PreparedSplit {
  return { ...split, x: new Float32Array(split.x.length) }
}

/** A linear softmax model (no hidden layer) trained with the lab's own loop. */
async function trainLinear(
  train: PreparedSplit,
  test: PreparedSplit,
  classes: number,
  learningRate: number,
  seed: number,
  epochs: number,
  backend: BackendName
): Promise<{ loss: number; accuracy: number }> {
  const spec = { kind: 'mlp' as const, hidden: [] }
  const model = buildModel(spec, seed, train.inputSize, classes)
  const { gradients: step, optimizer } = await buildStep(
    chooseStep(spec.kind, backend),
    spec,
    model,
    {
      l2: 0,
      optimizer: { name: 'adam', learningRate, momentum: 0 }
    }
  )
  try {
    await trainLoop({
      model,
      step,
      optimizer,
      data: { train, test, classes },
      settings: { epochs, batchSize, shuffle: true, seed, l2: 0 },
      progress: { epochsDone: 0, steps: 0 },
      control: new TrainingControl(),
      callbacks: { onBatch: () => undefined, onEpoch: async () => undefined }
    })
    return await evaluate(model, test, classes)
  } finally {
    optimizer.dispose()
    model.dispose()
  }
}

/**
 * Majority class, an input-independent model (trained on zeroed inputs, so it
 * can learn only the class prior) and a linear softmax model, on the test split.
 */
export async function baselines(
  train: PreparedSplit,
  test: PreparedSplit,
  classes: number,
  seed: number,
  backend: BackendName
): Promise<BaselineResult[]> {
  const batches = Math.ceil(train.count / batchSize)
  const independentEpochs = Math.max(baselineEpochs, Math.ceil(inputIndependentSteps / batches))
  const independent = await trainLinear(
    blanked(train),
    blanked(test),
    classes,
    inputIndependentRate,
    seed,
    independentEpochs,
    backend
  )
  const linear = await trainLinear(train, test, classes, linearRate, seed, baselineEpochs, backend)
  return [
    majorityBaseline(train, test, classes),
    {
      baseline: 'input-independent',
      testAccuracy: independent.accuracy,
      testLoss: independent.loss
    },
    { baseline: 'linear', testAccuracy: linear.accuracy, testLoss: linear.loss }
  ]
}
