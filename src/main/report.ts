import { BrowserWindow, dialog, ipcMain } from 'electron'
import { ipcChannel, runIdSchema } from '../shared/contract'
import { writeFileAtomic } from './lab/fs-atomic'

export interface ReportWindowOptions {
  preload: string
  /** Loads the renderer at a hash route in the given window. */
  load(window: BrowserWindow, hash: string): Promise<void>
  harden(window: BrowserWindow): void
  parent: () => BrowserWindow | null
  isTrusted(event: Electron.IpcMainInvokeEvent): boolean
}

/** The report page sets this once its charts are drawn; printing earlier loses them. */
const readyCheck = "document.body.dataset.reportReady === 'true'"
const readyTimeoutMs = 20_000

async function waitForReport(window: BrowserWindow): Promise<void> {
  const deadline = Date.now() + readyTimeoutMs
  while (Date.now() < deadline) {
    if (await window.webContents.executeJavaScript(readyCheck)) return
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error('The report page did not finish drawing within 20 seconds.')
}

export interface ReportExport {
  /** The hidden report windows open now: their page asks the lab for the run, so IPC must trust them. */
  windows(): BrowserWindow[]
}

/** Renders #/report/<runId> in a hidden window, prints it to A4 PDF and asks where to save it. */
export function setupReportExport(options: ReportWindowOptions): ReportExport {
  const open = new Set<BrowserWindow>()
  ipcMain.handle(ipcChannel.exportReport, async (event, rawRunId: unknown) => {
    if (!options.isTrusted(event)) return { saved: false }
    const runId = runIdSchema.parse(rawRunId)
    const window = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        preload: options.preload,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        disableBlinkFeatures: 'Auxclick'
      }
    })
    options.harden(window)
    open.add(window)
    try {
      await options.load(window, `/report/${runId}`)
      await waitForReport(window)
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        margins: { marginType: 'default' }
      })
      const parent = options.parent()
      const choice = parent
        ? await dialog.showSaveDialog(parent, {
            title: 'Export report',
            defaultPath: `mnist-lab-report-${runId}.pdf`,
            filters: [{ name: 'PDF', extensions: ['pdf'] }]
          })
        : await dialog.showSaveDialog({ defaultPath: `mnist-lab-report-${runId}.pdf` })
      if (choice.canceled || !choice.filePath) return { saved: false }
      await writeFileAtomic(choice.filePath, pdf)
      return { saved: true, path: choice.filePath }
    } finally {
      open.delete(window)
      window.destroy()
    }
  })
  return { windows: () => [...open] }
}
