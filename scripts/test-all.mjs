// `npm test`: every check CI runs, in order, stopping at the first failure.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { root } from './ensure-build.mjs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(
    `The end-to-end tests need Chromium at ${chromium}.\n` +
      'On Debian or Ubuntu: sudo apt-get install chromium (or set CHROMIUM_PATH).'
  )
  process.exit(1)
}

const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['unit tests', ['run', 'test:unit']],
  ['build', ['run', 'build']],
  ['end-to-end tests', ['run', 'test:e2e']],
  ['Electron security audit', ['run', 'audit:electron']],
  ['fresh clone: npm install && npm start', ['run', 'test:fresh-clone']]
]

const results = []
for (const [name, args] of steps) {
  const started = Date.now()
  console.log(`\n=== ${name} (npm ${args.join(' ')})`)
  const run = spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  results.push({ name, ok: run.status === 0, seconds })
  if (run.status !== 0) break
}

console.log('\n=== summary')
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`)
const failed = results.filter((r) => !r.ok).length
const skipped = steps.length - results.length
console.log(`checks: ${results.length - failed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
