import { join } from 'node:path'

/**
 * Where the built app finds its pieces. Packaged, extra resources sit in
 * process.resourcesPath; from a checkout they sit in <root>/resources.
 */
export function resourcesDir(isPackaged: boolean): string {
  return isPackaged ? join(process.resourcesPath, 'resources') : join(__dirname, '../../resources')
}

/** The engine bundle is built next to main's own bundle. */
export function engineEntry(): string {
  return join(__dirname, 'engine.js')
}

export function rendererDir(): string {
  return join(__dirname, '../renderer')
}
