/**
 * Learning-rate schedules (Tune). Counted in epochs (a warm-up of 1 is one
 * epoch), so one schedule means the same curve whatever the batch size.
 */
import { z } from 'zod'

export const scheduleKinds = ['constant', 'step', 'cosine', 'onecycle'] as const

export const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }).strict(),
  z
    .object({
      kind: z.literal('step'),
      /** The rate is multiplied by gamma after every `everyEpochs` epochs. */
      everyEpochs: z.number().int().min(1).max(1000),
      gamma: z.number().gt(0).max(1)
    })
    .strict(),
  z
    .object({
      kind: z.literal('cosine'),
      /** A linear ramp from almost 0 up to the learning rate, in epochs (may be fractional). */
      warmupEpochs: z.number().min(0).max(1000),
      /** The rate at the end, as a fraction of the learning rate. */
      minFactor: z.number().min(0).lt(1)
    })
    .strict(),
  z
    .object({
      kind: z.literal('onecycle'),
      /** The share of all steps spent rising to the peak (Smith: about 0.3). */
      rampShare: z.number().gt(0).lt(1),
      /** The start rate is the learning rate (the peak) divided by this. */
      divFactor: z.number().min(1).max(1e4)
    })
    .strict()
])
export type Schedule = z.infer<typeof scheduleSchema>
export type ScheduleKind = Schedule['kind']

/** Each schedule's parameters as a learner first meets them. */
export const scheduleDefaults: { [K in ScheduleKind]: Extract<Schedule, { kind: K }> } = {
  constant: { kind: 'constant' },
  step: { kind: 'step', everyEpochs: 1, gamma: 0.5 },
  cosine: { kind: 'cosine', warmupEpochs: 1, minFactor: 0 },
  onecycle: { kind: 'onecycle', rampShare: 0.3, divFactor: 25 }
}
