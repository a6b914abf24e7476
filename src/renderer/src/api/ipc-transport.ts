import {
  LabError,
  type AnyLabEvent,
  type LabApi,
  type LabBridge,
  type LabEvents,
  type EventName
} from '../../../shared/contract'
import { createEventHub } from './event-hub'

/** LabApi over Electron's preload bridge (window.lab). */
export function createIpcTransport(bridge: LabBridge): LabApi {
  const hub = createEventHub()
  bridge.onEvent((event: AnyLabEvent) => hub.dispatch(event))
  return {
    transport: 'electron',
    async request(name, params) {
      const response = await bridge.requests[name](params)
      if (!response.ok) throw LabError.from(response.error)
      return response.value
    },
    on<E extends EventName>(name: E, listener: (payload: LabEvents[E]) => void) {
      return hub.on(name, listener)
    },
    exportReport: (runId) => bridge.exportReportPdf(runId),
    preferredLanguages: () => bridge.preferredLanguages(),
    useLanguage: (locale) => bridge.setLanguage(locale)
  }
}
