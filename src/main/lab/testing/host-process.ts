/**
 * A LabHost with a real engine in a process of its own, driven over IPC, so a
 * test can let a fault kill the host (MNIST_LAB_FAULT) and then open the same
 * home again, as a restarted app would.
 */
import type { AnyLabEvent, LabResponse, RequestName } from '../../../shared/contract'
import { LabHost } from '../host'
import { realEngineLauncher, repoResourcesDir } from './real-engine'

export type HostProcessMessage =
  | { type: 'ready' }
  | { type: 'answer'; id: number; response: LabResponse<RequestName> }
  | { type: 'event'; event: AnyLabEvent }

async function main(): Promise<void> {
  const home = process.env.LAB_HOME
  if (!home) throw new Error('LAB_HOME is not set')
  const host = new LabHost({
    home,
    resourcesDir: repoResourcesDir,
    appVersion: 'fault-test',
    launcher: realEngineLauncher()
  })
  const send = (message: HostProcessMessage): void => void process.send?.(message)
  host.onEvent((event) => send({ type: 'event', event }))
  process.on('message', (message: { id: number; name: string; params: unknown }) => {
    void host
      .handle(message.name, message.params)
      .then((response) => send({ type: 'answer', id: message.id, response }))
  })
  process.on('disconnect', () => void host.stop().finally(() => process.exit(0)))
  await host.start()
  send({ type: 'ready' })
}

void main()
