/**
 * Evaluation of a model on one split, written against a `Predictor` so it needs
 * no model file: the engine passes a loaded tfjs model, tests a hand-built one.
 * Predictions are computed once per split; everything the Evaluate view asks
 * afterwards (metrics, a confusion cell, top losses) is read off them.
 */
import { imagePixels } from '../../../../shared/image'
import {
  LabError,
  type Evaluation,
  type EvaluationSummary,
  type ScoredImage,
  type Split
} from '../../../../shared/contract'
import { confusedPairs, confusionMatrix, summarize } from '../../../../shared/metrics'
import type { SplitData } from '../../datasets/load'

/**
 * Class probabilities for `count` images (count * 784 uint8 pixels, raw 0..255),
 * as one row of probabilities per image. The predictor applies the run's scaling.
 */
export type Predictor = (images: Uint8Array, count: number) => Promise<Float32Array>

export interface Predictions {
  count: number
  classCount: number
  /** count * classCount, image after image. */
  probabilities: Float32Array
  predicted: Int32Array
  /** The probability of the predicted class. */
  confidence: Float32Array
}

/** Enough to keep memory flat on 60,000 images yet make few round trips to the backend. */
const defaultBatchSize = 1000

export async function predictSplit(
  data: SplitData,
  classCount: number,
  predict: Predictor,
  batchSize = defaultBatchSize
): Promise<Predictions> {
  const probabilities = new Float32Array(data.count * classCount)
  for (let start = 0; start < data.count; start += batchSize) {
    const count = Math.min(batchSize, data.count - start)
    const images = data.images.subarray(start * imagePixels, (start + count) * imagePixels)
    const batch = await predict(images, count)
    if (batch.length !== count * classCount) {
      throw new LabError(
        'unsupported',
        `The model gives ${batch.length / count} outputs per image, but the dataset has ${classCount} classes. Evaluate the run on the dataset it was trained on.`,
        {
          key: 'evaluate.errors.outputsMismatch',
          params: { outputs: batch.length / count, classes: classCount }
        }
      )
    }
    probabilities.set(batch, start * classCount)
  }
  const predicted = new Int32Array(data.count)
  const confidence = new Float32Array(data.count)
  for (let i = 0; i < data.count; i++) {
    const row = probabilities.subarray(i * classCount, (i + 1) * classCount)
    const best = argmax(row)
    predicted[i] = best
    confidence[i] = row[best]
  }
  return { count: data.count, classCount, probabilities, predicted, confidence }
}

/** Index of the largest value; the lowest index wins a tie, as numpy's argmax. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i
  return best
}

export function summarizePredictions(
  predictions: Predictions,
  labels: Uint8Array,
  split: Split
): EvaluationSummary {
  return summarize(split, confusionMatrix(labels, predictions.predicted, predictions.classCount))
}

/** Smallest probability used for a loss, so a certain mistake has a large finite loss. */
const minProbability = 1e-7

export function scoredImage(predictions: Predictions, data: SplitData, index: number): ScoredImage {
  const { classCount } = predictions
  const probabilities = Array.from(
    predictions.probabilities.subarray(index * classCount, (index + 1) * classCount)
  )
  const label = data.labels[index]
  return {
    index,
    label,
    predicted: predictions.predicted[index],
    confidence: predictions.confidence[index],
    probabilities,
    loss: -Math.log(Math.max(probabilities[label] ?? 0, minProbability)),
    pixels: Array.from(data.images.subarray(index * imagePixels, (index + 1) * imagePixels))
  }
}

/** The images of one confusion cell, most confident first, and how many the cell holds. */
export function cellImages(
  predictions: Predictions,
  data: SplitData,
  trueClass: number,
  predicted: number,
  limit: number
): { items: ScoredImage[]; total: number } {
  const indices: number[] = []
  for (let i = 0; i < predictions.count; i++) {
    if (data.labels[i] === trueClass && predictions.predicted[i] === predicted) indices.push(i)
  }
  indices.sort((a, b) => predictions.confidence[b] - predictions.confidence[a] || a - b)
  return {
    items: indices.slice(0, limit).map((i) => scoredImage(predictions, data, i)),
    total: indices.length
  }
}

/**
 * The mistakes with the highest loss (-ln p(true class)): the model was surest
 * of a wrong answer. These are where mislabelled data and blind spots show.
 */
export function topLosses(predictions: Predictions, data: SplitData, limit: number): ScoredImage[] {
  const { classCount } = predictions
  const trueProbability = (i: number): number =>
    predictions.probabilities[i * classCount + data.labels[i]]
  const mistakes: number[] = []
  for (let i = 0; i < predictions.count; i++) {
    if (predictions.predicted[i] !== data.labels[i]) mistakes.push(i)
  }
  mistakes.sort(
    (a, b) =>
      trueProbability(a) - trueProbability(b) ||
      predictions.confidence[b] - predictions.confidence[a] ||
      a - b
  )
  return mistakes.slice(0, limit).map((i) => scoredImage(predictions, data, i))
}

export interface EvaluationOptions {
  topLosses: number
  confusedPairs: number
}

export const defaultEvaluationOptions: EvaluationOptions = { topLosses: 24, confusedPairs: 10 }

export function buildEvaluation(
  run: { runId: string; classNames: string[] },
  split: Split,
  predictions: Predictions,
  data: SplitData,
  options: EvaluationOptions = defaultEvaluationOptions
): Evaluation {
  const summary = summarizePredictions(predictions, data.labels, split)
  return {
    ...summary,
    runId: run.runId,
    classNames: run.classNames,
    topLosses: topLosses(predictions, data, options.topLosses),
    confusedPairs: confusedPairs(summary.confusion, options.confusedPairs)
  }
}
