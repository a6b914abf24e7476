/**
 * The Node engine process's RunFiles: a run's folders on disk, replaced
 * atomically (filled beside the target, then swapped in), so an interrupted
 * write never costs the last good checkpoint.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { replaceDirectory, tempPathFor, writeFileChecked } from '../fs-atomic'
import type { RunFiles } from './run-files'

export function nodeRunFiles(runDir: string): RunFiles {
  return {
    async writeFolder(folder, files) {
      const target = join(runDir, folder)
      const temp = tempPathFor(target)
      await mkdir(temp, { recursive: true })
      try {
        for (const [name, bytes] of files) await writeFileChecked(join(temp, name), bytes)
        await replaceDirectory(temp, target)
      } catch (error) {
        await rm(temp, { recursive: true, force: true })
        throw error
      }
    },
    async read(folder, file) {
      try {
        return await readFile(join(runDir, folder, file))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async stamp(folder, files) {
      const stats = await Promise.all(
        files.map((name) => stat(join(runDir, folder, name)).catch(() => null))
      )
      return stats
        .map((s, i) => (s ? `${files[i]}:${s.mtimeMs}:${s.size}` : `${files[i]}:missing`))
        .join('|')
    }
  }
}
