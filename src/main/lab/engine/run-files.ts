/**
 * What the engine core needs of a run's folder, given to it by its host. The
 * core does no file I/O itself: it hands whole folders of bytes out (model/,
 * checkpoint/) and asks for files back. The Node engine process keeps them on
 * disk (node-run-files.ts); a browser page can keep them wherever it likes.
 */
export interface RunFiles {
  /** Replaces `folder` with exactly these files, so a reader sees the old folder or the new one. */
  writeFolder(folder: string, files: ReadonlyMap<string, Uint8Array>): Promise<void>
  /** One file of `folder`, or null when it is not there. */
  read(folder: string, file: string): Promise<Uint8Array | null>
  /** A token that changes whenever any of these files of `folder` changes (keys caches). */
  stamp(folder: string, files: readonly string[]): Promise<string>
}

/** Bytes as text (model.json, progress.json). */
export function textOf(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes)
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
