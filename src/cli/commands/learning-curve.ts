import {
  LabError,
  learningCurveFractionsSchema,
  type LearningCurveEvent
} from '../../shared/contract'
import type { CliCommand } from '../context'
import { listOption, UsageError, type OptionValues } from '../options'
import { configFromOptions, trainOptions, trainOptionsUsage } from '../train-options'

const percent = (value: number | null): string =>
  value === null ? '–' : `${(value * 100).toFixed(2)}%`

function fractionsOption(values: OptionValues): number[] {
  const parts = listOption(values, 'fractions') ?? ['0.1', '0.25', '0.5', '1']
  const fractions = parts.map((part) => {
    const value = Number(part)
    if (!Number.isFinite(value)) {
      throw new UsageError(`--fractions takes numbers like 0.1,0.25,0.5,1, not "${part}".`)
    }
    return value
  })
  const checked = learningCurveFractionsSchema.safeParse(fractions)
  if (!checked.success) {
    throw new UsageError(`--fractions: ${checked.error.issues.map((i) => i.message).join('; ')}.`)
  }
  return checked.data
}

export const learningCurveCommand: CliCommand = {
  name: 'learning-curve',
  summary:
    'Train the same model on growing fractions of the train split (one run each) and print train and test accuracy per fraction.',
  usage: `lab learning-curve [--fractions 0.1,0.25,0.5,1] ${trainOptionsUsage} [--json]`,
  options: { ...trainOptions, fractions: { type: 'string' } },
  async run(ctx, values) {
    const fractions = fractionsOption(values)
    if (values['train-fraction'] !== undefined) {
      throw new UsageError('--train-fraction is what a learning curve varies: use --fractions.')
    }
    const config = configFromOptions(values)
    ctx.note(`Learning curve on ${config.datasetId}: ${fractions.join(', ')} of the train split.`)
    let curveId: string | null = null
    const early: LearningCurveEvent[] = []
    const printed = new Set<string>()
    let settle: (event: LearningCurveEvent) => void = () => undefined
    const finished = new Promise<LearningCurveEvent>((resolve) => (settle = resolve))
    const handle = (event: LearningCurveEvent): void => {
      if (curveId === null) {
        early.push(event)
        return
      }
      if (event.curveId !== curveId) return
      for (const point of event.points) {
        if (printed.has(point.runId)) continue
        printed.add(point.runId)
        ctx.print(
          { curveId, ...point },
          `${(point.fraction * 100).toFixed(1).padStart(5)}% (${point.trainCount} images)  run ${point.runId}  ` +
            `train ${percent(point.trainAccuracy)}  test ${percent(point.testAccuracy)}  ${point.status}`
        )
      }
      if (event.state !== 'running') settle(event)
    }
    const off = ctx.host.onEvent((event) => {
      if (event.name === 'learningCurve.progress') handle(event.payload)
      if (event.name === 'engine.status' && event.payload.state === 'crashed' && curveId) {
        settle({ curveId, fractions, points: [], state: 'failed', message: event.payload.message })
      }
    })
    try {
      curveId = (await ctx.request('learningCurve.start', { config, fractions })).curveId
      for (const event of early.splice(0)) handle(event)
      const end = await finished
      if (end.state !== 'done') {
        throw new LabError(
          'training_failed',
          end.message ?? `The learning curve ended ${end.state}.`
        )
      }
    } finally {
      off()
    }
  }
}
