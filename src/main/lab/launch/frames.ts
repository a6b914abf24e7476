/**
 * Engine messages as binary WebSocket frames, for the GPU engine page. Structured
 * clone (Node IPC, MessagePort) keeps bytes and NaN as they are; JSON does not,
 * so byte arrays travel after the JSON as attachments (no base64 of a 47 MB
 * dataset) and non-finite numbers as tagged values. Browser and Node alike.
 *
 * Layout: u32 JSON length, JSON text, then per attachment u32 length and bytes.
 */
const bytesTag = '\u0000bytes'
const numberTag = '\u0000number'

export function encodeFrame(message: unknown): Uint8Array {
  const attachments: Uint8Array[] = []
  // `this[key]`, not `value`: JSON.stringify hands the replacer a Node Buffer already
  // turned into {type: 'Buffer', data: [...]} by its toJSON.
  const text = JSON.stringify(
    message,
    function (this: Record<string, unknown>, key, value: unknown) {
      const raw = this[key]
      if (raw instanceof Uint8Array) {
        attachments.push(raw)
        return { [bytesTag]: attachments.length - 1 }
      }
      if (typeof value === 'number' && !Number.isFinite(value))
        return { [numberTag]: String(value) }
      return value
    }
  )
  const json = new TextEncoder().encode(text)
  const size = 4 + json.length + attachments.reduce((sum, a) => sum + 4 + a.length, 0)
  const frame = new Uint8Array(size)
  const view = new DataView(frame.buffer)
  view.setUint32(0, json.length, true)
  frame.set(json, 4)
  let offset = 4 + json.length
  for (const attachment of attachments) {
    view.setUint32(offset, attachment.length, true)
    frame.set(attachment, offset + 4)
    offset += 4 + attachment.length
  }
  return frame
}

export function decodeFrame(frame: Uint8Array): unknown {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
  const fail = (why: string): never => {
    throw new Error(`A malformed engine frame: ${why}.`)
  }
  if (frame.length < 4) fail('shorter than its header')
  const jsonLength = view.getUint32(0, true)
  if (4 + jsonLength > frame.length) fail('its JSON runs past its end')
  const attachments: Uint8Array[] = []
  let offset = 4 + jsonLength
  while (offset < frame.length) {
    if (offset + 4 > frame.length) fail('an attachment header runs past its end')
    const length = view.getUint32(offset, true)
    if (offset + 4 + length > frame.length) fail('an attachment runs past its end')
    // A copy of its own, so the attachment owns its buffer (tfjs and writes keep it).
    attachments.push(frame.slice(offset + 4, offset + 4 + length))
    offset += 4 + length
  }
  const text = new TextDecoder().decode(frame.subarray(4, 4 + jsonLength))
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object') {
      const tagged = value as Record<string, unknown>
      if (typeof tagged[bytesTag] === 'number') {
        return attachments[tagged[bytesTag]] ?? fail('it names a missing attachment')
      }
      if (typeof tagged[numberTag] === 'string') return Number(tagged[numberTag])
    }
    return value
  })
}
