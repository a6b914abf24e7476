/**
 * dataset.json: what a cached dataset folder holds and where it came from. It is
 * written last, inside the staging folder, so a folder in the cache always has one.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { LabError } from '../../../shared/contract'

export const metaFileName = 'dataset.json'

const fileNameSchema = z.string().regex(/^[A-Za-z0-9._-]+$/)

/** What a cached file was when it was stored, to notice it changed behind the lab's back. */
const fileCheckSchema = z.object({
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})
export type FileCheck = z.infer<typeof fileCheckSchema>

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function fileCheck(bytes: Uint8Array): FileCheck {
  return { size: bytes.length, sha256: sha256(bytes) }
}

export const datasetMetaSchema = z.object({
  format: z.literal(1),
  id: z.string(),
  name: z.string(),
  kind: z.enum(['download', 'imported']),
  classNames: z.array(z.string()).min(2),
  counts: z.object({ train: z.number().int().min(0), test: z.number().int().min(0) }),
  /** The folder imported from, or the URLs downloaded from. */
  source: z.array(z.string()),
  importedAt: z.string(),
  files: z.object({
    trainImages: fileNameSchema,
    trainLabels: fileNameSchema,
    testImages: fileNameSchema,
    testLabels: fileNameSchema
  }),
  /** Absent in folders cached before checks were recorded: those load unchecked. */
  checks: z
    .object({
      trainImages: fileCheckSchema,
      trainLabels: fileCheckSchema,
      testImages: fileCheckSchema,
      testLabels: fileCheckSchema
    })
    .optional()
})

export type DatasetMeta = z.infer<typeof datasetMetaSchema>

/** The meta of a cached folder, or null when the folder has none (not a dataset). */
export async function readDatasetMeta(dir: string): Promise<DatasetMeta | null> {
  let text: string
  try {
    text = await readFile(join(dir, metaFileName), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = datasetMetaSchema.safeParse(json)
  if (!parsed.success) {
    throw new LabError(
      'dataset_invalid',
      `${join(dir, metaFileName)} is damaged. Delete the dataset and download or import it again.`,
      { key: 'explore.errors.metaDamaged', params: { file: join(dir, metaFileName) } }
    )
  }
  return parsed.data
}
