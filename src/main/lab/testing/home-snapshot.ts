import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * Every file and folder under `root` with its size and modification time, to
 * prove that a batch of requests wrote nothing there.
 */
export function homeSnapshot(root: string): string[] {
  const entries: string[] = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const info = statSync(path)
      entries.push(
        `${relative(root, path)} ${info.isDirectory() ? 'dir' : info.size} ${info.mtimeMs}`
      )
      if (info.isDirectory()) walk(path)
    }
  }
  walk(root)
  return entries.sort()
}
