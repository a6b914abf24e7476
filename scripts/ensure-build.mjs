// Builds the app with electron-vite when out/ is missing or older than the sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function newestMtime(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

export function ensureBuild() {
  const marker = join(root, 'out/main/server.js')
  const inputs = ['src', 'package.json', 'electron.vite.config.ts'].map((p) => join(root, p))
  const stale =
    !existsSync(marker) ||
    !existsSync(join(root, 'out/renderer/index.html')) ||
    Math.max(...inputs.map(newestMtime)) > statSync(marker).mtimeMs
  if (!stale) return
  process.stderr.write('Building MNIST Lab (electron-vite build)…\n')
  // Rollup's warnings about dependencies mean nothing to someone starting the lab: show the
  // build's output only when it fails.
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    shell: process.platform === 'win32'
  })
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`)
    process.stderr.write('The build failed; see the messages above.\n')
    process.exit(result.status ?? 1)
  }
}

/** Runs a built entry with the caller's arguments and passes its exit code on. */
export function runEntry(entry, args) {
  const result = spawnSync(process.execPath, [join(root, entry), ...args], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
