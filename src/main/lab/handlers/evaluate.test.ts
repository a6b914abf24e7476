import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Evaluation, LabEventMessage } from '../../../shared/contract'
import { confusionMatrix, summarize } from '../../../shared/metrics'
import type { HostContext } from '../context'
import { sampleRecord } from '../../../shared/testing/sample-run'
import { testHostContext } from '../testing/host-context'
import { evaluateHandlers } from './evaluate'
import { runHandlers } from './runs'

let home: string
let ctx: HostContext
let events: LabEventMessage[]
let runId: string

function fakeEvaluation(split: 'train' | 'test'): Evaluation {
  return {
    ...summarize(split, confusionMatrix([0, 1, 1], [0, 1, 0], 2)),
    runId,
    classNames: ['0', '1'],
    topLosses: [],
    confusedPairs: [{ trueClass: 1, predicted: 0, count: 1 }]
  }
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'mnist-lab-host-evaluate-'))
  // Only the one method these handlers call: the engine itself is tested on its side.
  const host = testHostContext(home, async (method, params) => {
    if (method !== 'evaluate.run') throw new Error(`unexpected ${method}`)
    return fakeEvaluation(params.split as 'train' | 'test')
  })
  ctx = host.ctx
  events = host.events
  const { config } = sampleRecord()
  runId = (
    await ctx.runs.create({
      config,
      datasetName: 'MNIST',
      split: { train: 2, test: 3 },
      parameterCount: 1
    })
  ).id
})

afterEach(async () => {
  await rm(home, { recursive: true, force: true })
})

describe('host evaluate.run', () => {
  it('stores the test-split summary in run.json, without images, and says the run changed', async () => {
    const evaluation = await evaluateHandlers['evaluate.run']({ runId, split: 'test' }, ctx)
    expect(evaluation.confusedPairs).toHaveLength(1)
    const stored = (await ctx.runs.get(runId)).evaluation
    expect(stored).toEqual(summarize('test', confusionMatrix([0, 1, 1], [0, 1, 0], 2)))
    expect(stored).not.toHaveProperty('topLosses')
    expect(events).toEqual([{ name: 'runs.changed', payload: { runId } }])
  })

  it('leaves run.json alone for the train split', async () => {
    await evaluateHandlers['evaluate.run']({ runId, split: 'train' }, ctx)
    expect((await ctx.runs.get(runId)).evaluation).toBeNull()
    expect(events).toEqual([])
  })
})

describe('host runs.export', () => {
  it('exports the metrics of a stored run', async () => {
    const [file] = await runHandlers['runs.export']({ runId, kind: 'metrics-csv' }, ctx)
    expect(file.fileName).toBe(`${runId}-metrics.csv`)
    expect(file.content.startsWith('epoch,trainLoss')).toBe(true)
  })

  it('says there is no model before training saved one', async () => {
    await expect(runHandlers['runs.export']({ runId, kind: 'model' }, ctx)).rejects.toMatchObject({
      code: 'not_found'
    })
  })

  it('refuses an unknown run', async () => {
    await expect(
      runHandlers['runs.export']({ runId: 'missing', kind: 'metrics-json' }, ctx)
    ).rejects.toMatchObject({ code: 'not_found' })
  })
})
