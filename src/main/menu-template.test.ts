import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/contract'
import { menuTemplate } from './menu-template'

type Item = MenuItemConstructorOptions

/** Every label in the menu bar, submenus included, in order. */
function labels(items: readonly Item[]): string[] {
  return items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])
  ])
}

function find(items: readonly Item[], label: string): Item | undefined {
  for (const item of items) {
    if (item.label === label) return item
    const inner = Array.isArray(item.submenu) ? find(item.submenu, label) : undefined
    if (inner) return inner
  }
  return undefined
}

function click(item: Item | undefined): void {
  ;(item?.click as (() => void) | undefined)?.()
}

describe('the application menu', () => {
  it('speaks German when the page does, tabs named as on the page', () => {
    const menu = menuTemplate({ locale: 'de', isMac: false, send: () => undefined })
    expect(menu.map((item) => item.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster'])
    expect(labels(menu)).toEqual(
      expect.arrayContaining(['Bericht als PDF exportieren…', 'Erkunden', 'Läufe', 'Rückgängig'])
    )
  })

  it('labels every item, so no English role label shows through in German', () => {
    const menu = menuTemplate({ locale: 'de', isMac: false, send: () => undefined })
    const unlabelled = (items: readonly Item[]): Item[] =>
      items.flatMap((item) => [
        ...(item.type === 'separator' || item.label ? [] : [item]),
        ...(Array.isArray(item.submenu) ? unlabelled(item.submenu) : [])
      ])
    expect(unlabelled(menu)).toEqual([])
  })

  it('sends the tab and export commands the window acts on', () => {
    const sent: MenuCommand[] = []
    const menu = menuTemplate({ locale: 'en', isMac: false, send: (c) => sent.push(c) })
    click(find(menu, 'Regularize'))
    click(find(menu, 'Export report (PDF)…'))
    expect(sent).toEqual([{ kind: 'tab', tab: 'Regularize' }, { kind: 'exportReport' }])
    expect(find(menu, 'Regularize')?.accelerator).toBe('CmdOrCtrl+5')
  })

  it('keeps the macOS application menu first and closes the window instead of quitting', () => {
    const menu = menuTemplate({ locale: 'en', isMac: true, send: () => undefined })
    expect(menu[0]?.role).toBe('appMenu')
    expect(find(menu, 'Close window')?.role).toBe('close')
    expect(find(menu, 'Quit MNIST Lab')).toBeUndefined()
  })
})
