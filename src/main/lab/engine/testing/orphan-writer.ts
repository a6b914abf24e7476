/**
 * An engine process cut down to its writes: on any message it computes without
 * yielding for LAB_BUSY_MS (as a stretch of training does), starts writing
 * checkpoint/ of run r-orphan through the engine's own services, computes on
 * for a moment (as the engine does while its writes are under way), and says
 * 'written' when the write is done. A test closes the channel during the first
 * busy stretch, as a killed lab would.
 */
import { mkdirSync } from 'node:fs'
import { labPaths, runDir } from '../../paths'
import { nodeServices } from '../node-services'
import { connectToHost } from '../port'

const home = process.env.LAB_HOME
if (!home) throw new Error('LAB_HOME is not set')
const busyMs = Number(process.env.LAB_BUSY_MS ?? 0)
const paths = labPaths(home)
// The run's folder is there, as the host made it when it created the run.
mkdirSync(runDir(paths, 'r-orphan'), { recursive: true })
const port = connectToHost()
const services = nodeServices(paths, '', () => port.whileHostConnected())

function busy(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until);
}

port.onMessage(() => {
  busy(busyMs)
  void services
    .files('r-orphan')
    .writeFolder('checkpoint', new Map([['progress.json', new TextEncoder().encode('{}')]]))
    .then(() => process.send?.('written'))
  busy(50)
})
process.send?.('ready')
