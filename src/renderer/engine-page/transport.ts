/**
 * The page's channel to its host. Headless Chromium (web mode, CLI): a WebSocket
 * back to the lab's loopback engine server, opened with the per-launch secret.
 * Electron: a MessagePort that the page's preload hands over.
 */
import { decodeFrame, encodeFrame } from '../../main/lab/launch/frames'
import type { HostPort } from '../../main/lab/engine/protocol'
import type { HostToEngine } from '../../main/lab/engine/protocol'

export function connectWebSocket(secret: string): Promise<HostPort & { close(): void }> {
  const ws = new WebSocket(`ws://${location.host}/engine?secret=${encodeURIComponent(secret)}`)
  ws.binaryType = 'arraybuffer'
  return new Promise((resolve, reject) => {
    ws.addEventListener('error', () =>
      reject(new Error('The engine page could not reach its host.'))
    )
    ws.addEventListener('open', () =>
      resolve({
        post: (message) => ws.send(encodeFrame(message)),
        onMessage: (listener) =>
          ws.addEventListener('message', (e: MessageEvent<ArrayBuffer>) =>
            listener(decodeFrame(new Uint8Array(e.data)) as HostToEngine)
          ),
        close: () => ws.close()
      })
    )
  })
}

export function connectMessagePort(port: MessagePort): HostPort & { close(): void } {
  port.start()
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) =>
      port.addEventListener('message', (e: MessageEvent) => listener(e.data as HostToEngine)),
    close: () => port.close()
  }
}
