/**
 * The engine core (data, model, step, train, evaluate) runs in more than one
 * host: the Node engine process today, a browser page later. So it does no
 * file I/O: this follows every import of every core file, transitively, and
 * fails on one that reaches the file system or Node-only path handling.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const engineDir = __dirname
const coreFolders = ['data', 'model', 'step', 'train', 'evaluate']
const forbidden = /^(node:)?(fs|fs\/promises|path|child_process|worker_threads)$/

function sourcesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourcesIn(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** Modules a file loads at run time: `import type` is erased, so it does not count. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/^\s*(import|export)\s+(type\s)?[^'"]*?from\s+'([^']+)'/gm)]
    .filter((m) => m[2] === undefined)
    .map((m) => m[3]!)
}

/** Every module a core file reaches, with the chain that leads there. */
function reach(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>()
  const visit = (file: string, chain: string[]): void => {
    for (const spec of importsOf(file)) {
      const next = [...chain, spec]
      if (!spec.startsWith('.')) {
        if (!seen.has(spec)) seen.set(spec, next)
        continue
      }
      const target = resolve(dirname(file), spec) + '.ts'
      if (seen.has(target)) continue
      seen.set(target, next)
      visit(target, next)
    }
  }
  visit(start, [relative(engineDir, start)])
  return seen
}

describe('the engine core', () => {
  const files = coreFolders.flatMap((folder) => sourcesIn(join(engineDir, folder)))

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(files.map((f) => [relative(engineDir, f), f]))('%s does no file I/O', (_name, file) => {
    const offending = [...reach(file!)].filter(([module]) => forbidden.test(module))
    expect(offending.map(([, chain]) => chain.join(' -> '))).toEqual([])
  })
})
