/**
 * The GPU engine host outside Electron (web mode, CLI): headless Chromium loads
 * the engine page from a loopback server of its own and connects back over a
 * WebSocket that only a page holding this launch's secret may open.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { isGpuBackend, type LabErrorText } from '../../../shared/contract'
import { newToken } from '../../../server/access'
import { serveStatic } from '../../../server/static-files'
import type { EngineToHost, HostToEngine } from '../engine/protocol'
import type { EngineChannel, EngineLauncher } from './channel'
import { decodeFrame, encodeFrame } from './frames'

/** Debian's Chromium, or the one CHROMIUM_PATH names; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.CHROMIUM_PATH
    ? [env.CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((path) => existsSync(path)) ?? null
}

/** Why there is no GPU engine: in English, and as the catalogue message the page words it with. */
export function noChromium(env: NodeJS.ProcessEnv = process.env): {
  unavailable: string
  text: LabErrorText
} {
  return env.CHROMIUM_PATH
    ? {
        unavailable: `No Chromium at CHROMIUM_PATH (${env.CHROMIUM_PATH}), so the GPU backends (webgpu, webgl) are unavailable.`,
        text: { key: 'gpu.errors.noChromiumAtPath', params: { path: env.CHROMIUM_PATH } }
      }
    : {
        unavailable:
          'No Chromium found at /usr/bin/chromium (install it, or set CHROMIUM_PATH), so the GPU backends (webgpu, webgl) are unavailable.',
        text: { key: 'gpu.errors.noChromium' }
      }
}

/**
 * Flags for the GPU engine's Chromium. WebGPU is still behind a flag in
 * Chromium on Linux, where it runs on Vulkan. SwiftShader (a software GPU) is
 * only ever used when the caller allows it: tests, never the default.
 */
export function chromiumFlags(options: {
  userDataDir: string
  allowSoftware: boolean
  platform?: NodeJS.Platform
  runsAsRoot?: boolean
}): string[] {
  const flags = [
    '--headless=new',
    `--user-data-dir=${options.userDataDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-sync',
    // Training must not slow down because nobody looks at the page.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    '--enable-unsafe-webgpu'
  ]
  if (options.allowSoftware) {
    flags.push('--use-webgpu-adapter=swiftshader', '--enable-unsafe-swiftshader')
  } else if ((options.platform ?? process.platform) === 'linux') {
    flags.push('--enable-features=Vulkan', '--use-angle=vulkan', '--ignore-gpu-blocklist')
  }
  // Chromium refuses to run as root with its sandbox; the page is ours, served on loopback.
  if (options.runsAsRoot) flags.push('--no-sandbox')
  return flags
}

export interface ChromiumLauncherOptions {
  chromiumPath: string
  /** The built renderer (out/renderer), which holds engine.html. */
  staticDir: string
  /** Let a software adapter (SwiftShader) stand in for a GPU (tests). */
  allowSoftware: boolean
}

/** A message bigger than this from the page is refused (checkpoints and events are far smaller). */
const maxFrameBytes = 256 * 1024 * 1024

export function chromiumLauncher(options: ChromiumLauncherOptions): EngineLauncher {
  return (start) => {
    if (!isGpuBackend(start.backend)) {
      throw new Error(`The GPU engine runs webgpu or webgl, not ${start.backend}.`)
    }
    const secret = newToken()
    const userDataDir = mkdtempSync(join(tmpdir(), 'mnist-lab-gpu-'))
    const exitListeners: ((code: number | null, signal: string | null) => void)[] = []
    const messageListeners: ((message: EngineToHost) => void)[] = []
    const queued: HostToEngine[] = []
    let socket: WebSocket | null = null
    let child: ReturnType<typeof spawn> | null = null
    let exited = false

    const finish = (code: number | null, signal: string | null): void => {
      if (exited) return
      exited = true
      wss.close()
      http.close()
      // Chromium's helper processes may still be writing there for a moment.
      void rm(userDataDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined)
      for (const listener of exitListeners) listener(code, signal)
    }
    const kill = (): void => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      else finish(null, 'SIGKILL')
    }

    const http = createServer((req, res) => {
      if (!isOwnHost(req) || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(403).end()
        return
      }
      const path = new URL(req.url ?? '/', 'http://placeholder').pathname
      const connect = `ws://${req.headers.host}`
      void serveStatic(options.staticDir, path, res, {
        'Content-Security-Policy': `default-src 'none'; script-src 'self'; connect-src ${connect}`,
        'X-Content-Type-Options': 'nosniff'
      })
    })
    const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes })
    const isOwnHost = (req: IncomingMessage): boolean =>
      req.headers.host === `127.0.0.1:${(http.address() as AddressInfo | null)?.port}`

    http.on('upgrade', (req: IncomingMessage, raw, head) => {
      const url = new URL(req.url ?? '/', 'http://placeholder')
      const ownOrigin = req.headers.origin === `http://${req.headers.host}`
      const ok =
        url.pathname === '/engine' &&
        isOwnHost(req) &&
        ownOrigin &&
        url.searchParams.get('secret') === secret &&
        socket === null
      if (!ok) {
        raw.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
        return
      }
      wss.handleUpgrade(req, raw, head, (ws) => {
        socket = ws
        ws.on('message', (data: Buffer) => {
          let message: EngineToHost
          try {
            message = decodeFrame(
              new Uint8Array(data.buffer, data.byteOffset, data.length)
            ) as EngineToHost
          } catch {
            return kill()
          }
          for (const listener of messageListeners) listener(message)
        })
        // The page is the engine: when its socket goes, so does the engine.
        ws.on('close', () => kill())
        for (const message of queued.splice(0)) ws.send(encodeFrame(message))
      })
    })

    http.listen(0, '127.0.0.1', () => {
      const port = (http.address() as AddressInfo).port
      const hash = new URLSearchParams({
        secret,
        backend: start.backend,
        ...(options.allowSoftware ? { software: '1' } : {})
      })
      const flags = chromiumFlags({
        userDataDir,
        allowSoftware: options.allowSoftware,
        runsAsRoot: process.getuid?.() === 0
      })
      // --remote-debugging-pipe: Chromium exits when these pipes close, so a lab
      // that dies (even by SIGKILL) leaves no Chromium behind. Nothing is sent on them.
      child = spawn(
        options.chromiumPath,
        [
          ...flags,
          ...(process.env.MNIST_LAB_GPU_DEBUG ? ['--enable-logging=stderr'] : []),
          '--remote-debugging-pipe',
          `http://127.0.0.1:${port}/engine.html#${hash}`
        ],
        {
          stdio: [
            'ignore',
            'ignore',
            process.env.MNIST_LAB_GPU_DEBUG ? 'inherit' : 'ignore',
            'pipe',
            'pipe'
          ]
        }
      )
      child.on('error', () => finish(null, null))
      child.on('exit', (code, signal) => finish(code, signal))
    })
    http.on('error', () => finish(null, null))

    const channel: EngineChannel = {
      get pid() {
        return child?.pid
      },
      send: (message) => {
        if (socket?.readyState === socket?.OPEN && socket) socket.send(encodeFrame(message))
        else if (!socket) queued.push(message)
      },
      onMessage: (listener) => messageListeners.push(listener),
      onExit: (listener) => {
        if (exited) listener(null, null)
        else exitListeners.push(listener)
      },
      kill
    }
    return channel
  }
}
