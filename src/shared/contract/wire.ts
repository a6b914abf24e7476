/**
 * The web mode's WebSocket messages. The server parses what clients send with
 * these schemas and builds what it sends from these types; the browser's
 * transport parses what the server sends with them. Nothing re-declares them.
 */
import { z } from 'zod'
import { labErrorCodes, type LabErrorText } from '../errors'

/** Largest frame a client may send: a drawn digit is ~4 KB, nothing needs more than this. */
export const maxClientMessageBytes = 256 * 1024

/** Close codes the server uses (RFC 6455 section 7.4 and the IANA registry). */
export const wireCloseCodes = {
  /** The frame was not valid UTF-8 text. */
  invalidPayload: 1007,
  /** The client broke the protocol in a way that cannot be answered, or never read its events. */
  policyViolation: 1008,
  /** A frame larger than maxClientMessageBytes. */
  tooBig: 1009,
  /** The server is shutting down. */
  goingAway: 1001
} as const

/**
 * How deep a catalogue message may nest others among its values. The lab's own
 * messages stay well within it; the bound keeps a crafted frame or cache file
 * from running the parser, and the renderer's wording after it, out of stack.
 */
export const maxTextNesting = 4

function textSchemaNesting(depth: number): z.ZodType<LabErrorText> {
  const plain = [z.string(), z.number()] as const
  const value = depth === 0 ? z.union(plain) : z.union([...plain, textSchemaNesting(depth - 1)])
  return z.object({ key: z.string(), params: z.record(z.string(), value).optional() }).strict()
}

/** A catalogue message and its values (LabErrorText), wherever one is read back: the wire, a cache file. */
export const labErrorTextSchema = textSchemaNesting(maxTextNesting)

export const labErrorInfoSchema = z
  .object({
    code: z.enum(labErrorCodes),
    message: z.string(),
    text: labErrorTextSchema.optional()
  })
  .strict()

/** What a client sends: one request, with an id the answer will carry. */
export const wireRequestSchema = z
  .object({
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    name: z.string().min(1).max(100),
    params: z.unknown()
  })
  .strict()
export type WireRequest = z.infer<typeof wireRequestSchema>

/** The answer to one request; its value is typed by the request's result in the contract. */
export const wireAnswerSchema = z
  .object({
    id: wireRequestSchema.shape.id,
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
      z.object({ ok: z.literal(false), error: labErrorInfoSchema }).strict()
    ])
  })
  .strict()
export type WireAnswer = z.infer<typeof wireAnswerSchema>

/** An event the lab broadcasts to every client; its payload is typed by name in the contract. */
export const wireEventSchema = z
  .object({
    event: z.object({ name: z.string().min(1), payload: z.unknown() }).strict()
  })
  .strict()
export type WireEvent = z.infer<typeof wireEventSchema>

/**
 * A message the server could not match to a request: not JSON, not a request
 * object, or refused before it was read (rate limit). The id is there when the
 * server could read one.
 */
export const wireErrorSchema = z
  .object({ id: wireRequestSchema.shape.id.optional(), error: labErrorInfoSchema })
  .strict()
export type WireError = z.infer<typeof wireErrorSchema>

export const serverMessageSchema = z.union([wireAnswerSchema, wireEventSchema, wireErrorSchema])
export type ServerMessage = z.infer<typeof serverMessageSchema>
