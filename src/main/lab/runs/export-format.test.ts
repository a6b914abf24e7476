import { describe, expect, it } from 'vitest'
import type { Evaluation, PredictionTable } from '../../../shared/contract'
import {
  evaluationReport,
  metricsCsv,
  metricsJson,
  metricsJsonFormat,
  parsePredictionsCsv,
  predictionsCsv
} from './export-format'
import { sampleRecord } from '../../../shared/testing/sample-run'

describe('predictionsCsv', () => {
  const table: PredictionTable = {
    runId: 'r',
    split: 'test',
    classNames: ['0', '1', '2'],
    labels: [2, 0, 1],
    predicted: [2, 1, 1],
    confidence: [0.987654321, 0.5, 1]
  }

  it('writes a header and one row per image: index,true,predicted,confidence', () => {
    expect(predictionsCsv(table)).toBe(
      'index,true,predicted,confidence\n0,2,2,0.987654\n1,0,1,0.5\n2,1,1,1\n'
    )
  })

  it('reads back what it wrote', () => {
    expect(parsePredictionsCsv(predictionsCsv(table))).toEqual([
      { index: 0, label: 2, predicted: 2, confidence: 0.987654 },
      { index: 1, label: 0, predicted: 1, confidence: 0.5 },
      { index: 2, label: 1, predicted: 1, confidence: 1 }
    ])
  })

  it('refuses columns of different lengths', () => {
    expect(() => predictionsCsv({ ...table, predicted: [1] })).toThrow(/as many predictions/)
  })

  it('refuses a file without the header or with a broken row', () => {
    expect(() => parsePredictionsCsv('a,b\n1,2')).toThrow(/starts with the header/)
    expect(() => parsePredictionsCsv('index,true,predicted,confidence\n0,1,x,0.5\n')).toThrow(
      /Line 2/
    )
  })

  it('accepts Windows line ends', () => {
    expect(parsePredictionsCsv('index,true,predicted,confidence\r\n0,1,1,0.5\r\n')).toHaveLength(1)
  })
})

describe('metricsCsv', () => {
  it('writes one row per epoch, leaving a value that is not finite empty', () => {
    expect(metricsCsv(sampleRecord())).toBe(
      'epoch,trainLoss,testLoss,trainAccuracy,testAccuracy,seconds,samplesPerSecond\n' +
        '1,0.5,0.4,0.85,0.88,3.5,2285.7\n' +
        '2,0.25,,0.93,0.91,3.25,2461.5\n'
    )
  })

  it('writes only the header for a run without epochs', () => {
    expect(
      metricsCsv(sampleRecord({ epochs: [] }))
        .trim()
        .split('\n')
    ).toHaveLength(1)
  })
})

describe('metricsJson', () => {
  it('keeps the numbers of a run and names its format', () => {
    const parsed = JSON.parse(metricsJson(sampleRecord())) as Record<string, unknown>
    expect(parsed.format).toBe(metricsJsonFormat)
    expect(parsed.runId).toBe('20250101-120000-abcdef')
    expect(parsed.dataset).toEqual({
      id: 'mnist-sample',
      name: 'MNIST sample',
      split: { train: 8000, test: 2000 }
    })
    expect((parsed.epochs as unknown[]).length).toBe(2)
    expect(parsed.testAccuracy).toBe(0.91)
    expect(parsed).not.toHaveProperty('checkpointEpoch')
  })
})

describe('evaluationReport', () => {
  it('names every class and drops the images', () => {
    const evaluation: Evaluation = {
      runId: 'r',
      split: 'test',
      accuracy: 0.5,
      macroF1: 0.33,
      weightedF1: 0.33,
      perClass: [
        { precision: 0.5, recall: 1, f1: 2 / 3, support: 1, neverPredicted: false },
        { precision: 0, recall: 0, f1: 0, support: 1, neverPredicted: true }
      ],
      confusion: [
        [1, 0],
        [1, 0]
      ],
      classNames: ['zero', 'one'],
      topLosses: [
        {
          index: 1,
          label: 1,
          predicted: 0,
          confidence: 0.9,
          probabilities: [0.9, 0.1],
          loss: 2.3,
          pixels: new Array<number>(784).fill(0)
        }
      ],
      confusedPairs: [{ trueClass: 1, predicted: 0, count: 1 }]
    }
    const report = evaluationReport(evaluation)
    expect(report.perClass[1]).toEqual({
      classIndex: 1,
      className: 'one',
      precision: 0,
      recall: 0,
      f1: 0,
      support: 1,
      neverPredicted: true
    })
    expect(report).not.toHaveProperty('topLosses')
    expect(JSON.stringify(report)).not.toContain('pixels')
  })
})
