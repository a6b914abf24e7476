/**
 * The host's answers to an engine without file access (the GPU engine page):
 * run records, dataset bytes and run folders. The page is our own code behind a
 * per-launch secret, yet every request is checked like any other client's, so
 * a compromised page reaches no file outside the run folders.
 */
import { z } from 'zod'
import { LabError, datasetIdSchema, runIdSchema } from '../../shared/contract'
import type { HostContext } from './context'
import { loadDataset } from './datasets/load'
import { nodeRunFiles } from './engine/node-run-files'
import type { HostMethod, HostMethods } from './engine/protocol'
import { runDir } from './paths'

/** The folders the engine core writes (checkpoint.ts), and file names without a path. */
const folderSchema = z.enum(['model', 'checkpoint'])
const fileNameSchema = z
  .string()
  .regex(/^[\w.-]{1,100}$/)
  .refine((n) => n !== '..' && n !== '.')

const requestSchemas = {
  'run.get': z.object({ runId: runIdSchema }).strict(),
  'dataset.load': z.object({ datasetId: datasetIdSchema }).strict(),
  'files.writeFolder': z
    .object({
      runId: runIdSchema,
      folder: folderSchema,
      files: z.array(z.tuple([fileNameSchema, z.instanceof(Uint8Array)])).max(100)
    })
    .strict(),
  'files.read': z
    .object({ runId: runIdSchema, folder: folderSchema, file: fileNameSchema })
    .strict(),
  'files.stamp': z
    .object({ runId: runIdSchema, folder: folderSchema, files: z.array(fileNameSchema).max(100) })
    .strict()
} satisfies Record<HostMethod, z.ZodType>

type Answers = {
  [M in HostMethod]: (
    params: z.infer<(typeof requestSchemas)[M]>,
    ctx: HostContext
  ) => Promise<HostMethods[M]['result']>
}

const answers: Answers = {
  'run.get': ({ runId }, ctx) => ctx.runs.get(runId),
  'dataset.load': ({ datasetId }, ctx) => loadDataset(ctx.paths, ctx.resourcesDir, datasetId),
  'files.writeFolder': async ({ runId, folder, files }, ctx) => {
    await nodeRunFiles(runDir(ctx.paths, runId)).writeFolder(folder, new Map(files))
    return null
  },
  'files.read': ({ runId, folder, file }, ctx) =>
    nodeRunFiles(runDir(ctx.paths, runId)).read(folder, file),
  'files.stamp': ({ runId, folder, files }, ctx) =>
    nodeRunFiles(runDir(ctx.paths, runId)).stamp(folder, files)
}

export async function answerHostRequest(
  ctx: HostContext,
  method: unknown,
  params: unknown
): Promise<unknown> {
  if (typeof method !== 'string' || !Object.hasOwn(requestSchemas, method)) {
    throw new LabError('unknown_request', `The host has no "${String(method)}" for engines.`)
  }
  const name = method as HostMethod
  const parsed = requestSchemas[name].safeParse(params)
  if (!parsed.success) {
    throw new LabError('invalid_request', `The engine sent a malformed "${name}" request.`)
  }
  const answer = answers[name] as (params: unknown, ctx: HostContext) => Promise<unknown>
  return answer(parsed.data, ctx)
}
