// `npm start`: the desktop app, or the same lab in the browser where Electron cannot run.
// Options after `--` go to web mode when it is used (e.g. `npm start -- --port 0`).
import { spawnSync } from 'node:child_process'
import { completeNativeInstalls, obtainElectron } from './deferred-install.mjs'
import { ensureBuild, root, runEntry } from './ensure-build.mjs'

const args = process.argv.slice(2)

ensureBuild()
completeNativeInstalls()

const electron = obtainElectron()
const headless =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY

if (electron.path && !headless) {
  const run = spawnSync(electron.path, [root], { stdio: 'inherit' })
  process.exit(run.status ?? 1)
}

const why = electron.path ? "There is no display for Electron's window" : electron.reason
const retry = electron.path ? '' : ' (`npm run electron:download` tries again)'
console.log(`${why}: serving the lab to your browser instead${retry}.`)
runEntry('out/main/server.js', ['--open', ...args])
