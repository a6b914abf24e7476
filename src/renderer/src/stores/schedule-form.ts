/**
 * The learning-rate schedule part of the Train form: its text fields and their
 * translation into a Schedule. The contract's scheduleSchema sets the limits;
 * this only names the field a problem is in.
 */
import {
  scheduleDefaults,
  scheduleSchema,
  type Schedule,
  type ScheduleKind
} from '../../../shared/contract'
import { translate } from '../i18n'
import { issueText } from './issue-text'

/** Every kind's parameters at once, so switching kinds keeps what was typed. */
export interface ScheduleDraft {
  kind: ScheduleKind
  everyEpochs: string
  gamma: string
  warmupEpochs: string
  minFactor: string
  rampShare: string
  divFactor: string
}

export type ScheduleField = Exclude<keyof ScheduleDraft, 'kind'>

/**
 * The fields each kind shows, with their labels' catalogue keys. No label says
 * "epochs" or "learning rate": those name the main fields, and tests find fields by label.
 */
export const scheduleFields: { [K in ScheduleKind]: { key: ScheduleField; label: string }[] } = {
  constant: [],
  step: [
    { key: 'everyEpochs', label: 'tune.schedule.fields.everyEpochs' },
    { key: 'gamma', label: 'tune.schedule.fields.gamma' }
  ],
  cosine: [
    { key: 'warmupEpochs', label: 'tune.schedule.fields.warmupEpochs' },
    { key: 'minFactor', label: 'tune.schedule.fields.minFactor' }
  ],
  onecycle: [
    { key: 'rampShare', label: 'tune.schedule.fields.rampShare' },
    { key: 'divFactor', label: 'tune.schedule.fields.divFactor' }
  ]
}

export function defaultScheduleDraft(): ScheduleDraft {
  const { step, cosine, onecycle } = scheduleDefaults
  return {
    kind: 'constant',
    everyEpochs: String(step.everyEpochs),
    gamma: String(step.gamma),
    warmupEpochs: String(cosine.warmupEpochs),
    minFactor: String(cosine.minFactor),
    rampShare: String(onecycle.rampShare),
    divFactor: String(onecycle.divFactor)
  }
}

/** The schedule, or null after adding one message per bad field to `errors` (keys 'schedule.<field>'). */
export function parseScheduleDraft(
  draft: ScheduleDraft,
  errors: Record<string, string>
): Schedule | null {
  const fields = scheduleFields[draft.kind]
  const candidate: Record<string, unknown> = { kind: draft.kind }
  for (const { key } of fields) {
    const text = draft[key].trim()
    candidate[key] = text === '' ? Number.NaN : Number(text)
  }
  const parsed = scheduleSchema.safeParse(candidate)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) {
    const field = fields.find((f) => f.key === issue.path[0])
    const key = field ? `schedule.${field.key}` : 'schedule'
    errors[key] ??= field ? issueText(issue, translate(field.label)) : issue.message
  }
  return null
}

/** The draft that shows a recorded schedule (absent: constant). */
export function scheduleDraftOf(schedule: Schedule | undefined): ScheduleDraft {
  const draft = defaultScheduleDraft()
  if (!schedule) return draft
  const { kind, ...values } = schedule
  return {
    ...draft,
    kind,
    ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]))
  }
}
