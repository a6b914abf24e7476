/**
 * `--schedule constant|step|cosine|onecycle` and its parameters, shared by every
 * command that trains. Parameters default to scheduleDefaults; one that belongs
 * to another schedule is a usage error rather than silently ignored.
 */
import { scheduleDefaults, scheduleKinds, scheduleSchema, type Schedule } from '../shared/contract'
import { numberOption, stringOption, UsageError, type OptionValues } from './options'

/** Each option, the schedule it belongs to and the field it sets. */
const parameterOptions = {
  'step-every': { kind: 'step', field: 'everyEpochs' },
  gamma: { kind: 'step', field: 'gamma' },
  warmup: { kind: 'cosine', field: 'warmupEpochs' },
  'min-factor': { kind: 'cosine', field: 'minFactor' },
  'ramp-share': { kind: 'onecycle', field: 'rampShare' },
  'div-factor': { kind: 'onecycle', field: 'divFactor' }
} as const

export const scheduleCliOptions = {
  schedule: { type: 'string' },
  ...Object.fromEntries(Object.keys(parameterOptions).map((name) => [name, { type: 'string' }]))
} as Record<string, { type: 'string' }>

export const scheduleUsage =
  '[--schedule constant|step|cosine|onecycle] [--step-every EPOCHS --gamma X]' +
  ' [--warmup EPOCHS --min-factor X] [--ramp-share X --div-factor X]'

export function scheduleFromOptions(values: OptionValues): Schedule {
  const kind = stringOption(values, 'schedule') ?? 'constant'
  if (!(scheduleKinds as readonly string[]).includes(kind)) {
    throw new UsageError(`--schedule must be one of ${scheduleKinds.join(', ')}, not "${kind}".`)
  }
  const schedule: Record<string, unknown> = { ...scheduleDefaults[kind as Schedule['kind']] }
  for (const [name, target] of Object.entries(parameterOptions)) {
    if (values[name] === undefined) continue
    if (target.kind !== kind) {
      throw new UsageError(`--${name} belongs to --schedule ${target.kind}, not ${kind}.`)
    }
    schedule[target.field] = numberOption(values, name, 0)
  }
  const parsed = scheduleSchema.safeParse(schedule)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const option = Object.entries(parameterOptions).find(([, t]) => t.field === issue.path[0])
    throw new UsageError(`--${option?.[0] ?? 'schedule'}: ${issue.message}.`)
  }
  return parsed.data
}
