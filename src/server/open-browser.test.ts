import { describe, expect, it } from 'vitest'
import { browserCommand } from './open-browser'

const url = 'http://127.0.0.1:8720/'

describe('browserCommand', () => {
  it('opens with xdg-open on a Linux desktop', () => {
    expect(browserCommand(url, 'linux', { DISPLAY: ':0' })).toEqual(['xdg-open', [url]])
    expect(browserCommand(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual([
      'xdg-open',
      [url]
    ])
  })

  it('opens nothing on a Linux machine without a display (a terminal browser would take over)', () => {
    expect(browserCommand(url, 'linux', {})).toBeNull()
  })

  it('opens nothing when BROWSER=none, on any platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(browserCommand(url, platform, { BROWSER: 'none', DISPLAY: ':0' })).toBeNull()
    }
  })

  it('uses the platform opener on macOS and Windows', () => {
    expect(browserCommand(url, 'darwin', {})).toEqual(['open', [url]])
    expect(browserCommand(url, 'win32', {})?.[0]).toBe('cmd')
  })
})
