// Runs every bench/*.ts in turn under tsx; each prints its own JSON report.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const benchDir = join(root, 'bench')
const only = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort()

let failed = 0
for (const name of files) {
  console.error(`bench: ${name}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, name)], {
    cwd: root,
    stdio: 'inherit'
  })
  if (result.status !== 0) failed++
}
process.exit(failed === 0 ? 0 : 1)
