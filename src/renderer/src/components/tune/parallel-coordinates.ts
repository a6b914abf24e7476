/**
 * The geometry of a parallel-coordinates view of a search's trials: one
 * vertical axis per hyperparameter and one for validation accuracy, each trial
 * a line through its values. Each axis spans the values the trials took, so
 * a narrow space still spreads out; rates and batch sizes on a log scale, as
 * they are sampled and felt.
 */
import type { TrialRecord } from '../../../../shared/contract'

export type AxisName = 'rate' | 'batch' | 'width' | 'depth' | 'dropout' | 'l2' | 'accuracy'

interface AxisSpec {
  name: AxisName
  log: boolean
  value: (trial: TrialRecord) => number
}

function hiddenWidth(trial: TrialRecord): number {
  const m = trial.config.model
  return m.kind === 'mlp' ? (m.hidden[0]?.units ?? 0) : m.dense
}

/** Hidden layers: an MLP's, or a CNN's two convolutions and its dense layer. */
function depth(trial: TrialRecord): number {
  const m = trial.config.model
  return m.kind === 'mlp' ? m.hidden.length : 3
}

function dropout(trial: TrialRecord): number {
  const m = trial.config.model
  return m.kind === 'mlp' ? (m.hidden[0]?.dropout ?? 0) : m.dropout
}

const axisSpecs: AxisSpec[] = [
  { name: 'rate', log: true, value: (t) => t.config.learningRate },
  { name: 'batch', log: true, value: (t) => t.config.batchSize },
  { name: 'width', log: false, value: hiddenWidth },
  { name: 'depth', log: false, value: depth },
  { name: 'dropout', log: false, value: dropout },
  { name: 'l2', log: false, value: (t) => t.config.l2 },
  { name: 'accuracy', log: false, value: (t) => t.validationAccuracy ?? Number.NaN }
]

export interface Axis {
  name: AxisName
  min: number
  max: number
}

export interface TrialLine {
  trial: number
  /** Per axis, in axis order: the raw value and its height in [0, 1] (0 at the bottom). */
  values: number[]
  heights: number[]
}

export interface ParallelCoordinates {
  axes: Axis[]
  lines: TrialLine[]
}

/** Trials that have a validation accuracy (at least one epoch done), as lines over the axes. */
export function parallelCoordinates(trials: readonly TrialRecord[]): ParallelCoordinates {
  const scored = trials.filter((t) => t.validationAccuracy !== null)
  const axes = axisSpecs.map((spec) => {
    const values = scored.map(spec.value)
    return { name: spec.name, min: Math.min(...values), max: Math.max(...values) }
  })
  const lines = scored.map((trial) => {
    const values = axisSpecs.map((spec) => spec.value(trial))
    const heights = values.map((value, i) => scaled(value, axes[i]!, axisSpecs[i]!.log))
    return { trial: trial.trial, values, heights }
  })
  return { axes, lines }
}

/** Where `value` sits between the axis ends; the middle when all trials share one value. */
function scaled(value: number, axis: Axis, log: boolean): number {
  const at = log ? Math.log : (v: number): number => v
  const span = at(axis.max) - at(axis.min)
  if (!(span > 0)) return 0.5
  return (at(value) - at(axis.min)) / span
}
