import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { HostContext } from './context'
import { answerHostRequest } from './engine-host-requests'
import { labPaths, runDir } from './paths'

const home = mkdtempSync(join(tmpdir(), 'lab-host-requests-'))
afterAll(() => rmSync(home, { recursive: true, force: true }))
const paths = labPaths(home)
const ctx = { paths } as HostContext
const modelDir = join(runDir(paths, 'r1'), 'model')
mkdirSync(modelDir, { recursive: true })
writeFileSync(join(modelDir, 'model.json'), '{}')

describe('what the GPU engine page may ask of the host', () => {
  it('reads a file of a run folder', async () => {
    const bytes = await answerHostRequest(ctx, 'files.read', {
      runId: 'r1',
      folder: 'model',
      file: 'model.json'
    })
    expect(Buffer.from(bytes as Uint8Array).toString()).toBe('{}')
  })

  for (const file of ['../run.json', '..', '.', '', 'a/b', 'x'.repeat(101)]) {
    it(`refuses the file name ${JSON.stringify(file.slice(0, 12))}`, async () => {
      await expect(
        answerHostRequest(ctx, 'files.read', { runId: 'r1', folder: 'model', file })
      ).rejects.toMatchObject({ code: 'invalid_request' })
    })
  }

  it('refuses a folder other than model/ and checkpoint/', async () => {
    await expect(
      answerHostRequest(ctx, 'files.read', { runId: 'r1', folder: '..', file: 'run.json' })
    ).rejects.toMatchObject({ code: 'invalid_request' })
  })
})
