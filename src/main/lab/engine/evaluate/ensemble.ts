/**
 * An ensemble's predictions: the mean of its members' class probabilities,
 * image by image, then the most probable class (soft voting).
 */
import { LabError } from '../../../../shared/contract'
import { argmax, type Predictions } from './evaluate'

export function averagePredictions(members: readonly Predictions[]): Predictions {
  const first = members[0]
  if (!first) throw new LabError('invalid_request', 'An ensemble needs at least one member.')
  const { count, classCount } = first
  for (const m of members) {
    if (m.count !== count || m.classCount !== classCount) {
      throw new LabError(
        'invalid_request',
        `Ensemble members disagree on the split: ${m.count} images of ${m.classCount} classes against ${count} of ${classCount}.`
      )
    }
  }
  const probabilities = new Float32Array(count * classCount)
  for (const m of members) {
    for (let i = 0; i < probabilities.length; i++)
      probabilities[i] += m.probabilities[i]! / members.length
  }
  const predicted = new Int32Array(count)
  const confidence = new Float32Array(count)
  for (let i = 0; i < count; i++) {
    const row = probabilities.subarray(i * classCount, (i + 1) * classCount)
    predicted[i] = argmax(row)
    confidence[i] = row[predicted[i]!]!
  }
  return { count, classCount, probabilities, predicted, confidence }
}
