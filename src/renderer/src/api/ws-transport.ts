import {
  LabError,
  eventNames,
  serverMessageSchema,
  type AnyLabEvent,
  type EventName,
  type LabApi,
  type LabEvents,
  type ServerMessage
} from '../../../shared/contract'
import { createEventHub } from './event-hub'

interface Waiting {
  resolve: (value: unknown) => void
  reject: (error: LabError) => void
}

/** Reconnect delays grow to this; the server may be restarting. */
const maxReconnectDelayMs = 5_000

/**
 * LabApi over the web mode's WebSocket. Requests wait for the socket; a lost
 * connection fails the requests in flight and reconnects.
 */
export function createWsTransport(url: string, onConnection?: (up: boolean) => void): LabApi {
  const hub = createEventHub()
  const waiting = new Map<number, Waiting>()
  let nextId = 1
  let socket: WebSocket
  let opened: Promise<void>
  let delay = 250

  function connect(): void {
    socket = new WebSocket(url)
    opened = new Promise((resolve) => socket.addEventListener('open', () => resolve()))
    socket.addEventListener('open', () => {
      delay = 250
      onConnection?.(true)
    })
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      const data = parseServerMessage(message.data)
      if (!data) return
      if ('event' in data) {
        if ((eventNames as readonly string[]).includes(data.event.name)) {
          hub.dispatch(data.event as AnyLabEvent)
        }
        return
      }
      const entry = data.id === undefined ? undefined : waiting.get(data.id)
      if (!entry || data.id === undefined) {
        if ('error' in data) console.warn('[lab] the server refused a message:', data.error.message)
        return
      }
      waiting.delete(data.id)
      const outcome = 'response' in data ? data.response : { ok: false as const, error: data.error }
      if (outcome.ok) entry.resolve(outcome.value)
      else entry.reject(LabError.from(outcome.error))
    })
    socket.addEventListener('close', () => {
      onConnection?.(false)
      for (const entry of waiting.values()) {
        entry.reject(
          new LabError(
            'engine_unavailable',
            'The connection to the lab server was lost. Is it still running?',
            { key: 'errors.connectionLost' }
          )
        )
      }
      waiting.clear()
      setTimeout(connect, delay)
      delay = Math.min(delay * 2, maxReconnectDelayMs)
    })
  }
  connect()

  return {
    transport: 'web',
    async request(name, params) {
      await opened
      const id = nextId++
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
        socket.send(JSON.stringify({ id, name, params }))
      })
    },
    on<E extends EventName>(name: E, listener: (payload: LabEvents[E]) => void) {
      return hub.on(name, listener)
    },
    // The browser prints the report page itself (see the report route).
    exportReport: async () => ({ saved: false }),
    // The browser knows its user's languages; the server's would be the wrong machine's.
    preferredLanguages: async () => [...navigator.languages],
    // The browser words its own menus; the lab's menu bar is the desktop app's.
    useLanguage: () => undefined
  }
}

/** A server message checked against the wire contract; null (and a warning) if it is not one. */
function parseServerMessage(text: string): ServerMessage | null {
  try {
    const parsed = serverMessageSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // Not JSON: reported below like any other malformed message.
  }
  console.warn('[lab] ignored a message from the server that is not in the wire contract.')
  return null
}

/** The lab socket of the server that served this page, carrying its token if any. */
export function labSocketUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const token = new URLSearchParams(location.search).get('token')
  return `${scheme}//${location.host}/lab${token ? `?token=${encodeURIComponent(token)}` : ''}`
}
