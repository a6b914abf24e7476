/**
 * The engine's side of its channel, the same in every engine host: routes the
 * host's requests to handlers, answers them, and carries the engine's own
 * requests to the host (host-request / host-response).
 */
import { LabError, toErrorInfo } from '../../../shared/contract'
import type { EngineCoreContext, EngineHandlers } from './context'
import type { HostPort } from './protocol'
import type { EngineMethod, HostMethod, HostMethods, HostToEngine } from './protocol'

export type CallHost = <M extends HostMethod>(
  method: M,
  params: HostMethods[M]['params']
) => Promise<HostMethods[M]['result']>

/** Asks the host for something over `port`; answers come back through `settle`. */
export function hostCaller(port: HostPort): {
  call: CallHost
  settle(message: Extract<HostToEngine, { type: 'host-response' }>): void
} {
  const pending = new Map<number, { resolve(value: unknown): void; reject(e: unknown): void }>()
  let nextId = 1
  return {
    call: (method, params) => {
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        port.post({ type: 'host-request', id, method, params })
      })
    },
    settle: (message) => {
      const waiting = pending.get(message.id)
      if (!waiting) return
      pending.delete(message.id)
      if (message.ok) waiting.resolve(message.value)
      else waiting.reject(LabError.from(message.error))
    }
  }
}

export function serveEngine<C extends EngineCoreContext>(options: {
  port: HostPort
  handlers: Partial<EngineHandlers<EngineMethod, C>>
  ctx: C
  settleHostCall?: (message: Extract<HostToEngine, { type: 'host-response' }>) => void
  onShutdown(): void
}): void {
  const { port, handlers, ctx } = options
  port.onMessage((message: HostToEngine) => {
    if (message.type === 'shutdown') return options.onShutdown()
    if (message.type === 'host-response') return options.settleHostCall?.(message)
    const handler = handlers[message.method] as
      ((params: unknown, ctx: C) => Promise<unknown>) | undefined
    // A host built from other sources than this engine, or an engine that does
    // not do everything (the GPU page trains only), may be asked for something
    // it lacks: answer it, rather than crash on a TypeError and restart in a loop.
    if (!handler) {
      const error = {
        code: 'unknown_request' as const,
        message: `The engine has no "${String(message.method)}".`
      }
      port.post({ type: 'response', id: message.id, ok: false, error })
      return
    }
    handler(message.params, ctx).then(
      (value) => port.post({ type: 'response', id: message.id, ok: true, value }),
      (error: unknown) =>
        port.post({ type: 'response', id: message.id, ok: false, error: toErrorInfo(error) })
    )
  })
}
