import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { LabError } from '../../../shared/contract'
import { useNoticesStore } from './notices'

beforeEach(() => setActivePinia(createPinia()))

describe('notices', () => {
  it('reports one engine crash once, however many requests it failed', () => {
    const notices = useNoticesStore()
    notices.error(
      new LabError('engine_crashed', 'stopped unexpectedly while working on "explore.facts"')
    )
    notices.error(
      new LabError('engine_crashed', 'stopped unexpectedly while working on "explore.samples"')
    )
    notices.engineCrashed(
      'The engine process stopped unexpectedly (killed by SIGKILL). Restarting it.'
    )
    expect(notices.items.map((n) => n.text)).toEqual([
      'The engine process stopped unexpectedly (killed by SIGKILL). Restarting it.'
    ])
  })

  it('keeps different failures apart and folds a repeated one', () => {
    const notices = useNoticesStore()
    notices.error(new LabError('not_found', 'There is no run "a".'))
    notices.error(new LabError('offline', 'Cannot reach the download servers.'))
    notices.error(new LabError('not_found', 'There is no run "a".'))
    expect(notices.items.map((n) => n.text)).toEqual([
      'Cannot reach the download servers.',
      'There is no run "a".'
    ])
    expect(notices.items.every((n) => n.kind === 'error')).toBe(true)
  })

  it('never shows a stack trace, only the message', () => {
    const notices = useNoticesStore()
    notices.error(new Error('boom'))
    expect(notices.items[0].text).toBe('boom')
  })
})
