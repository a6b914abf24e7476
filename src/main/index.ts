import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import { LabHost } from './lab/host'
import { engineEntry, rendererDir, resourcesDir } from './app-paths'
import { utilityLauncher } from './engine-host'
import { appendGpuSwitches, gpuWindowLauncher } from './gpu-window'
import { allowSoftwareGpuEnv } from './lab/node-launch'
import { isTrustedSender, setupLabIpc } from './ipc'
import { setupMenu } from './menu'
import { setupReportExport } from './report'
import { applyContentSecurityPolicy, denyAllPermissions, hardenContents } from './security'

/** Set by `electron-vite dev`; absent in a built or packaged app. */
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const preloadPath = join(__dirname, '../preload/index.js')

let mainWindow: BrowserWindow | null = null

async function loadRoute(window: BrowserWindow, hash: string): Promise<void> {
  if (devServerUrl) await window.loadURL(`${devServerUrl}#${hash}`)
  else await window.loadFile(join(rendererDir(), 'index.html'), { hash })
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'MNIST Lab',
    backgroundColor: '#1b1d23',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Middle-click would open links outside the window-open handler.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  hardenContents(window.webContents, devServerUrl)
  window.once('ready-to-show', () => window.show())
  // The page died (a renderer crash, out of memory): load it again. The run it
  // showed trains on in the engine, and the fresh page adopts it from run.json.
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return
    console.error(`[window] the page stopped (${details.reason}); reloading it.`)
    void loadRoute(window, '/')
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
    // The hidden GPU engine window would otherwise keep the app alive.
    if (process.platform !== 'darwin') app.quit()
  })
  void loadRoute(window, '/')
  return window
}

async function main(): Promise<void> {
  await app.whenReady()
  denyAllPermissions()
  applyContentSecurityPolicy(devServerUrl)

  const host = new LabHost({
    home: app.getPath('userData'),
    resourcesDir: resourcesDir(app.isPackaged),
    appVersion: app.getVersion(),
    launcher: utilityLauncher(engineEntry()),
    gpu: {
      launcher: gpuWindowLauncher({
        rendererDir: rendererDir(),
        preload: join(__dirname, '../preload/gpu-engine.js'),
        devServerUrl
      }),
      // Only a test asks for this: SwiftShader must never be the silent default.
      allowSoftware: process.env[allowSoftwareGpuEnv] === '1'
    }
  })
  const reports = setupReportExport({
    preload: preloadPath,
    load: loadRoute,
    harden: (window) => hardenContents(window.webContents, devServerUrl),
    parent: () => mainWindow,
    isTrusted: (event) => isTrustedSender(event, mainWindow, devServerUrl)
  })
  // The hidden report window loads the same renderer and asks the lab for its run.
  const windows = (): BrowserWindow[] => [...(mainWindow ? [mainWindow] : []), ...reports.windows()]
  const focusedWindow = (): BrowserWindow | null => mainWindow
  setupLabIpc(host, windows, devServerUrl, (locale) => setupMenu(focusedWindow, locale))
  setupMenu(focusedWindow)
  await host.start()
  mainWindow = createWindow()

  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    // Stop the engine before the app goes, so no orphan keeps training. A checkpoint
    // cut off mid-write is harmless: it is written to a temp folder, then renamed.
    event.preventDefault()
    quitting = true
    void host.stop().finally(() => app.quit())
  })
}

// Before ready: Chromium reads its GPU switches once, at start.
appendGpuSwitches()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  main().catch((error: unknown) => {
    // Without this the app would sit in the dock with no window and no word why.
    const message = error instanceof Error ? error.message : String(error)
    dialog.showErrorBox('MNIST Lab could not start', message)
    app.quit()
  })
}
