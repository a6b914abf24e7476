import { z } from 'zod'

/** What a browser sends over the lab's WebSocket: one request, with an id to answer. */
export const clientMessageSchema = z
  .object({
    id: z.number().int().nonnegative(),
    name: z.string().min(1).max(100),
    params: z.unknown()
  })
  .strict()

export type ClientMessage = z.infer<typeof clientMessageSchema>

/** Largest message a client may send: a drawn digit is ~4 KB, nothing needs more than this. */
export const maxClientMessageBytes = 256 * 1024
