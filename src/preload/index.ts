import { contextBridge, ipcRenderer } from 'electron'
import {
  ipcChannel,
  menuChannel,
  requestNames,
  type AnyLabEvent,
  type LabBridge,
  type LabResponse,
  type MenuCommand,
  type RequestName
} from '../shared/contract'

/**
 * window.lab: one named function per request of the contract, plus event and
 * menu subscriptions. ipcRenderer itself never reaches the page.
 */
const requests = Object.fromEntries(
  requestNames.map((name) => [
    name,
    (params: unknown): Promise<LabResponse<RequestName>> =>
      ipcRenderer.invoke(ipcChannel.request(name), params)
  ])
) as LabBridge['requests']

const bridge: LabBridge = {
  requests,
  onEvent(listener: (event: AnyLabEvent) => void): () => void {
    const wrapped = (_event: Electron.IpcRendererEvent, message: AnyLabEvent): void =>
      listener(message)
    ipcRenderer.on(ipcChannel.event, wrapped)
    return () => ipcRenderer.removeListener(ipcChannel.event, wrapped)
  },
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_event: Electron.IpcRendererEvent, command: MenuCommand): void =>
      listener(command)
    ipcRenderer.on(menuChannel, wrapped)
    return () => ipcRenderer.removeListener(menuChannel, wrapped)
  },
  exportReportPdf(runId: string): Promise<{ saved: boolean; path?: string }> {
    return ipcRenderer.invoke(ipcChannel.exportReport, runId)
  },
  preferredLanguages(): Promise<string[]> {
    return ipcRenderer.invoke(ipcChannel.preferredLanguages)
  },
  setLanguage(locale: string): void {
    ipcRenderer.send(ipcChannel.language, locale)
  }
}

contextBridge.exposeInMainWorld('lab', bridge)
