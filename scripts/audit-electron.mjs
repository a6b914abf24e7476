// Runs Electronegativity over src/ and fails on any HIGH finding. The tool
// itself always exits 0, so its CSV report is read here.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root } from './ensure-build.mjs'

const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')
).version
const report = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.csv')
const run = spawnSync(
  'npx',
  ['electronegativity', '-i', 'src', '-o', report, '-r', '-e', electronVersion, '-v', 'false'],
  { cwd: root, encoding: 'utf8' }
)
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr)
  process.exit(run.status ?? 1)
}

/** Splits one CSV line, honouring double quotes. */
function cells(line) {
  const out = []
  let current = ''
  let quoted = false
  for (const ch of line) {
    if (ch === '"') quoted = !quoted
    else if (ch === ',' && !quoted) {
      out.push(current.trim())
      current = ''
    } else current += ch
  }
  out.push(current.trim())
  return out
}

const rows = readFileSync(report, 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map(cells)
  .map(([issue, severity, confidence, file, location]) => ({ issue, severity, confidence, file, location }))
  // Build output is not source; it is audited through the source it came from.
  .filter((f) => !/(^|\/)(\.out-[^/]*|out)\//.test(f.file))

const bySeverity = (level) => rows.filter((f) => f.severity === level)
for (const level of ['HIGH', 'MEDIUM', 'LOW']) {
  const found = bySeverity(level)
  console.log(`Electronegativity ${level}: ${found.length}`)
  for (const f of found) console.log(`  ${f.issue} (${f.confidence}) ${f.file}:${f.location}`)
}
const high = bySeverity('HIGH')
if (high.length > 0) {
  console.error(`Electron security audit failed: ${high.length} HIGH finding(s) above.`)
  process.exit(1)
}
console.log('Electron security audit passed: no HIGH findings.')
