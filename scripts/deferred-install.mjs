// The install steps that .npmrc holds back (`ignore-scripts=true`), run on first launch instead.
//
// Why: Electron's own install step downloads its binary from GitHub and fails the whole
// `npm install` where that is blocked. It reads only the environment variable
// ELECTRON_SKIP_BINARY_DOWNLOAD (no npm config key skips it), and npm 10 ignores
// package.json `allowScripts`, so the only switch that works on every npm is to run no
// dependency scripts at install time. The scripts that matter run here, on the first
// `npm start` / `npm run serve` / `npm run lab`, where a failure costs a fallback rather than
// the install. esbuild's postinstall is only an optimisation and is not needed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import { root } from './ensure-build.mjs'

const require = createRequire(join(root, 'package.json'))
const stateFile = join(root, 'node_modules/.cache/mnist-lab/deferred-install.json')
const lifecycle = ['preinstall', 'install', 'postinstall']
/** Windows spells it Path. */
const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH'

/** The native TensorFlow builds: optional, the engine falls back to WebAssembly without them. */
const nativePackages = ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu']

function readState() {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8'))
  } catch {
    return {}
  }
}

function remember(name, entry) {
  const state = readState()
  state[name] = entry
  mkdirSync(join(stateFile, '..'), { recursive: true })
  writeFileSync(stateFile, JSON.stringify(state, null, 2))
}

function installedPackage(name) {
  const dir = join(root, 'node_modules', name)
  if (!existsSync(join(dir, 'package.json'))) return null
  return { dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }
}

/**
 * Runs a package's own install scripts, as npm would have, with their output captured.
 * Returns null on success, else the first line that explains the failure.
 */
function runInstallScripts({ dir, manifest }) {
  for (const event of lifecycle) {
    const script = manifest.scripts?.[event]
    if (!script) continue
    const run = spawnSync(script, {
      cwd: dir,
      shell: true,
      encoding: 'utf8',
      env: {
        ...process.env,
        // As npm runs scripts: the packages' own commands (node-pre-gyp, …) on the PATH.
        [pathKey]: [
          join(dir, 'node_modules/.bin'),
          join(root, 'node_modules/.bin'),
          process.env[pathKey]
        ]
          .filter(Boolean)
          .join(delimiter),
        npm_lifecycle_event: event,
        npm_package_name: manifest.name
      },
      // A download that stalls behind a firewall must not hang the launch forever.
      timeout: 15 * 60 * 1000
    })
    if (run.status !== 0) {
      const output = `${run.stderr ?? ''}\n${run.stdout ?? ''}`
      const line =
        output.split('\n').find((l) => /error/i.test(l) && l.trim()) ??
        output.split('\n').find((l) => l.trim()) ??
        (run.error ? run.error.message : `exit code ${run.status}`)
      return line.trim().replace(/^\w*Error:\s*/, '')
    }
  }
  return null
}

/** Once per installed version of each native package: npm's skipped install step. */
export function completeNativeInstalls() {
  const state = readState()
  for (const name of nativePackages) {
    const pkg = installedPackage(name)
    if (!pkg || state[name]?.version === pkg.manifest.version) continue
    process.stderr.write(`Finishing the install of ${name} (once)…\n`)
    const failure = runInstallScripts(pkg)
    remember(name, { version: pkg.manifest.version, ok: failure === null, failure })
  }
}

/** The path of Electron's binary if it is installed, else null. */
export function installedElectron() {
  try {
    const path = require('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/**
 * Electron's binary: installed, or downloaded now by Electron's own install step (tried once
 * per Electron version; `npm run electron:download` tries again).
 * Returns { path }, or { reason } as a sentence without its full stop.
 */
export function obtainElectron() {
  const installed = installedElectron()
  if (installed) return { path: installed }
  const pkg = installedPackage('electron')
  if (!pkg) return { reason: 'The electron package is not installed' }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { reason: "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set)" }
  }
  const earlier = readState().electron
  if (earlier?.version === pkg.manifest.version && earlier.failure) {
    return { reason: `Electron's binary is missing (its download failed: ${earlier.failure})` }
  }
  process.stderr.write(`Downloading Electron ${pkg.manifest.version} (first launch)…\n`)
  const failure = runInstallScripts(pkg)
  remember('electron', { version: pkg.manifest.version, ok: failure === null, failure })
  const path = failure === null ? installedElectron() : null
  if (path) return { path }
  return {
    reason: `Electron's binary could not be downloaded (${failure ?? 'no binary after its install step'})`
  }
}
