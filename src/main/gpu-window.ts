/**
 * The GPU engine host in the app: a hidden, sandboxed window that runs the
 * engine page on WebGPU or WebGL, talking to LabHost over a MessagePort (no
 * WebSocket, no server). Its crash, a lost GPU or a closed window ends the
 * engine like a process exit; LabHost marks the run interrupted.
 */
import { app, BrowserWindow, MessageChannelMain } from 'electron'
import { join } from 'node:path'
import type { EngineToHost } from './lab/engine/protocol'
import type { EngineChannel, EngineLauncher } from './lab/launch/channel'
import { hardenContents } from './security'

const portMessage = 'mnist-lab:engine-port'

/**
 * Command-line switches a real GPU needs, set before the app is ready. WebGPU
 * is on by default in Chromium on Windows (Direct3D 12) and macOS (Metal); on
 * Linux it stays behind --enable-unsafe-webgpu and needs Vulkan. No switch
 * here selects SwiftShader: a software adapter is never the silent default.
 */
export function appendGpuSwitches(platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'linux') return
  app.commandLine.appendSwitch('enable-unsafe-webgpu')
  app.commandLine.appendSwitch('enable-features', 'Vulkan')
}

export function gpuWindowLauncher(options: {
  rendererDir: string
  preload: string
  devServerUrl: string | undefined
}): EngineLauncher {
  return (start) => {
    const window = new BrowserWindow({
      show: false,
      width: 320,
      height: 240,
      webPreferences: {
        preload: options.preload,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        // Training must not slow down because the window is never shown.
        backgroundThrottling: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick'
      }
    })
    hardenContents(window.webContents, options.devServerUrl)
    const { port1, port2 } = new MessageChannelMain()
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = []
    let exited = false
    const finish = (code: number | null, reason: string | null): void => {
      if (exited) return
      exited = true
      port1.close()
      if (!window.isDestroyed()) window.destroy()
      for (const listener of exitListeners) listener(code, reason)
    }
    window.webContents.on('render-process-gone', (_event, details) =>
      finish(details.exitCode, details.reason)
    )
    window.on('closed', () => finish(0, null))
    port1.on('close', () => finish(0, null))
    window.webContents.once('did-finish-load', () => {
      window.webContents.postMessage(portMessage, null, [port2])
    })
    const hash = new URLSearchParams({
      backend: start.backend,
      transport: 'port'
    }).toString()
    const loaded = options.devServerUrl
      ? window.loadURL(`${options.devServerUrl}/engine.html#${hash}`)
      : window.loadFile(join(options.rendererDir, 'engine.html'), { hash })
    loaded.catch(() => finish(null, 'load-failed'))
    port1.start()

    const channel: EngineChannel = {
      get pid() {
        return window.isDestroyed() ? undefined : window.webContents.getOSProcessId()
      },
      send: (message) => {
        if (!exited) port1.postMessage(message)
      },
      onMessage: (listener) => port1.on('message', (event) => listener(event.data as EngineToHost)),
      onExit: (listener) => {
        if (exited) listener(null, null)
        else exitListeners.push(listener)
      },
      kill: () => finish(null, 'killed')
    }
    return channel
  }
}
