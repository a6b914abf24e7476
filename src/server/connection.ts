/**
 * One browser's WebSocket. Everything that can go wrong with a client (a bad
 * frame, a flood, a reader that stopped reading, a peer that vanished) is
 * handled here and ends at most this connection: never the server, the other
 * clients or a training run.
 */
import type { RawData, WebSocket } from 'ws'
import {
  wireCloseCodes,
  wireRequestSchema,
  type AnyLabEvent,
  type EventName,
  type LabErrorInfo,
  type ServerMessage
} from '../shared/contract'
import type { LabHost } from '../main/lab/host'
import { TokenBucket } from './rate-limit'

export interface ConnectionLimits {
  /** Requests a client may burst, and the rate it may keep up. */
  burst: number
  perSecond: number
  /** Requests of one client the lab works on at once; more are refused. */
  inFlight: number
  /** Bytes queued to a client above which progress events to it are dropped. */
  dropProgressAbove: number
  /** Bytes queued to a client above which it is closed: it is not reading. */
  closeAbove: number
  /** How often a silent peer is pinged; one that does not answer by the next ping is dropped. */
  heartbeatMs: number
}

export const defaultLimits: ConnectionLimits = {
  burst: 300,
  perSecond: 150,
  inFlight: 64,
  dropProgressAbove: 256 * 1024,
  closeAbove: 8 * 1024 * 1024,
  heartbeatMs: 30_000
}

/**
 * Events that only say "still going": the next one supersedes them, so a client
 * that falls behind loses some. Epochs and status changes are never dropped.
 */
const droppableEvents: ReadonlySet<EventName> = new Set(['train.batch', 'dataset.downloadProgress'])

export interface Connection {
  deliver(event: AnyLabEvent, text: string): void
}

export function openConnection(
  ws: WebSocket,
  host: LabHost,
  limits: ConnectionLimits,
  onClose: () => void
): Connection {
  const bucket = new TokenBucket(limits.burst, limits.perSecond)
  let inFlight = 0
  let alive = true

  function send(message: ServerMessage | string): void {
    if (ws.readyState !== ws.OPEN) return
    if (ws.bufferedAmount > limits.closeAbove) {
      ws.close(wireCloseCodes.policyViolation, 'Too many unread messages.')
      // A peer that stopped reading will not complete the closing handshake either.
      setTimeout(() => ws.terminate(), 1_000).unref()
      return
    }
    ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  function refuse(error: LabErrorInfo, id?: number): void {
    send(id === undefined ? { error } : { id, error })
  }

  async function answer(data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      return refuse({ code: 'invalid_request', message: 'Messages must be JSON text.' })
    }
    let raw: unknown
    try {
      raw = JSON.parse(data.toString())
    } catch {
      return refuse({ code: 'invalid_request', message: 'Messages must be JSON.' })
    }
    const message = wireRequestSchema.safeParse(raw)
    if (!message.success) {
      return refuse({
        code: 'invalid_request',
        message: 'Messages must be {"id": whole number, "name": request name, "params": object}.'
      })
    }
    const { id, name, params } = message.data
    if (!bucket.take()) {
      return refuse(
        {
          code: 'rate_limited',
          message: `Too many requests: at most ${limits.perSecond} a second. Wait a moment, then try again.`
        },
        id
      )
    }
    if (inFlight >= limits.inFlight) {
      return refuse(
        {
          code: 'rate_limited',
          message: `Too many requests at once: at most ${limits.inFlight} wait for an answer.`
        },
        id
      )
    }
    inFlight += 1
    try {
      send({ id, response: await host.handle(name, params) })
    } finally {
      inFlight -= 1
    }
  }

  ws.on('message', (data, isBinary) => void answer(data, isBinary))
  // ws has already closed the socket with the fitting code (1009 for an
  // oversize frame, 1007 for invalid UTF-8); without a listener the error
  // would be thrown and end the whole server.
  ws.on('error', () => ws.terminate())
  ws.on('pong', () => {
    alive = true
  })
  const heartbeat = setInterval(() => {
    if (!alive) return ws.terminate()
    alive = false
    ws.ping()
  }, limits.heartbeatMs)
  heartbeat.unref()
  ws.on('close', () => {
    clearInterval(heartbeat)
    onClose()
  })

  return {
    deliver(event, text) {
      if (droppableEvents.has(event.name) && ws.bufferedAmount > limits.dropProgressAbove) return
      send(text)
    }
  }
}
