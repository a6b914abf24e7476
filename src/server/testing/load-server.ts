/**
 * A lab server in a process of its own, for load tests that measure its memory
 * apart from the clients'. It answers commands from the test over IPC: make
 * training events, report its memory and clients, stop.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ConnectionLimits } from '../connection'
import { LabHost } from '../../main/lab/host'
import { repoResourcesDir } from '../../main/lab/testing/real-engine'
import { startLabServer } from '../server'

export type LoadServerCommand =
  { type: 'emit'; epochs: number; batchesPerEpoch: number; runId: string } | { type: 'stats' }

export type LoadServerReply =
  | { type: 'ready'; url: string }
  | { type: 'emitted' }
  | { type: 'stats'; rss: number; clients: number }

function reply(message: LoadServerReply): void {
  process.send?.(message)
}

/** Events as training makes them: status running, batches and an epoch per epoch, status completed. */
async function emitTraining(
  host: LabHost,
  command: Extract<LoadServerCommand, { type: 'emit' }>
): Promise<void> {
  const { runId, epochs, batchesPerEpoch } = command
  host.emit('train.status', { runId, status: 'running' })
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    for (let b = 1; b <= batchesPerEpoch; b += 1) {
      const step = (epoch - 1) * batchesPerEpoch + b
      host.emit('train.batch', {
        runId,
        epoch,
        batch: b,
        batchesPerEpoch,
        step,
        loss: 2.3 / step,
        samplesPerSecond: 1000,
        etaSeconds: 1
      })
      // Let the sockets write between bursts, as a real engine's events are spread out.
      if (b % 200 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    const [loss, accuracy] = [1 / epoch, 1 - 1 / (epoch + 1)]
    host.emit('train.epoch', {
      runId,
      epoch,
      trainLoss: loss,
      trainAccuracy: accuracy,
      trainMeasured: 1000,
      runningLoss: loss,
      runningAccuracy: accuracy,
      testLoss: loss,
      testAccuracy: accuracy,
      seconds: 1,
      samplesPerSecond: 1000
    })
  }
  host.emit('train.status', { runId, status: 'completed' })
}

async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'lab-load-'))
  const staticDir = mkdtempSync(join(tmpdir(), 'lab-load-static-'))
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MNIST Lab</title>')
  const host = new LabHost({
    home,
    resourcesDir: repoResourcesDir,
    appVersion: 'load-test',
    launcher: () => {
      throw new Error('the load server has no engine')
    }
  })
  const limits = JSON.parse(process.env.LAB_LOAD_LIMITS ?? '{}') as Partial<ConnectionLimits>
  const server = await startLabServer({ host, staticDir, bindHost: '127.0.0.1', port: 0, limits })
  process.on('message', (message: LoadServerCommand) => {
    if (message.type === 'emit')
      void emitTraining(host, message).then(() => reply({ type: 'emitted' }))
    else if (message.type === 'stats') {
      reply({ type: 'stats', rss: process.memoryUsage().rss, clients: server.clientCount() })
    }
  })
  process.on('disconnect', () => process.exit(0))
  reply({ type: 'ready', url: server.url })
}

void main()
