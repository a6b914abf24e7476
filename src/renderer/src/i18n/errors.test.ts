import { afterEach, describe, expect, it } from 'vitest'
import { LabError } from '../../../shared/errors'
import { setLocale } from './index'
import { errorText } from './errors'

afterEach(() => setLocale('en'))

const named = new LabError('not_found', 'There is no run "abc". It may have been deleted.', {
  key: 'runs.errors.notFound',
  params: { id: 'abc' }
})
const unnamed = new LabError('io_error', 'Disk full while writing run.json.')

describe('errors as the user reads them', () => {
  it('words an error that names its message in the chosen language', () => {
    expect(errorText(named)).toBe('There is no run "abc". It may have been deleted.')
    setLocale('de')
    expect(errorText(named)).toBe('Es gibt keinen Lauf „abc“. Vielleicht wurde er gelöscht.')
  })

  it('keeps its words and parameters across a process boundary', () => {
    setLocale('de')
    expect(errorText(named.toInfo())).toBe(errorText(named))
    expect(errorText(LabError.from(named.toInfo()))).toBe(errorText(named))
  })

  it('shows the lab sentence of an error the catalogue does not word, summarised in German', () => {
    expect(errorText(unnamed)).toBe('Disk full while writing run.json.')
    setLocale('de')
    expect(errorText(unnamed)).toBe(
      'Eine Datei ließ sich nicht lesen oder schreiben. (Details auf Englisch: Disk full while writing run.json.)'
    )
  })

  // The problems IdxError (src/main/lab/datasets/idx.ts) names; it words itself by them.
  it('words every kind of broken IDX file, naming the file', () => {
    setLocale('de')
    for (const problem of [
      'bad-magic',
      'truncated',
      'trailing-bytes',
      'bad-dimensions',
      'count-mismatch',
      'label-out-of-range',
      'bad-gzip',
      'unreadable'
    ] as const) {
      const text = errorText(
        new LabError('dataset_invalid', 'detail', {
          key: `explore.errors.idx.${problem}`,
          params: { file: 'train-images-idx3-ubyte' }
        })
      )
      expect(text.startsWith('train-images-idx3-ubyte: ')).toBe(true)
      expect(text).not.toContain('Details auf Englisch')
    }
  })

  // The parts of an IDX set (src/main/lab/datasets/files.ts), named when two copies disagree.
  it('names the part whose two copies disagree, in German', () => {
    setLocale('de')
    const text = errorText(
      new LabError('dataset_invalid', 'differ', {
        key: 'explore.errors.copiesDiffer.trainLabels',
        params: { files: 'train-labels-idx1-ubyte, train-labels-idx1-ubyte.gz' }
      })
    )
    expect(text).toBe(
      'Die Trainingslabel liegen in zwei Kopien vor, die sich unterscheiden: train-labels-idx1-ubyte, train-labels-idx1-ubyte.gz. Löschen Sie die falsche (oder beide und laden Sie sie neu herunter).'
    )
  })

  // The kinds JobSlot (src/main/lab/jobs.ts) names when it refuses a second job.
  it('words a refused second job for every kind of job that can be running', () => {
    setLocale('de')
    for (const kind of ['training', 'learning-curve', 'overfit-batch', 'lr-sweep', 'search']) {
      const text = errorText(
        new LabError('job_running', 'busy', {
          key: `errors.jobRunning.${kind}`,
          params: { label: 'run "Baseline"' }
        })
      )
      expect(text).toContain('(run "Baseline")')
      expect(text).not.toContain('Details auf Englisch')
    }
  })

  it('treats anything thrown that is not a lab error as internal', () => {
    setLocale('de')
    expect(errorText(new Error('boom'))).toBe(
      'Im Lab ist etwas schiefgelaufen. (Details auf Englisch: boom)'
    )
  })
})
