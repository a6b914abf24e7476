import type { MenuItemConstructorOptions } from 'electron'
import { tabNames, type MenuCommand } from '../shared/contract'
import { fallbackLocale, type Locale } from '../shared/locales'
import enCommon from '../renderer/src/i18n/messages/en/common'
import deCommon from '../renderer/src/i18n/messages/de/common'

/**
 * The menu's words come from the page's own catalogue, so a tab is called the
 * same in the menu bar as on its tab. Electron's default labels for roles are
 * English on Windows and Linux, which is why every role item is labelled here.
 */
const words: Record<Locale, Pick<typeof enCommon, 'menu' | 'tabs'>> = {
  en: enCommon,
  de: deCommon
}

export interface MenuOptions {
  locale: Locale
  isMac: boolean
  send(command: MenuCommand): void
}

/** File (export, quit), Edit, View (the recipe's tabs, Ctrl/Cmd+1..7), Window. */
export function menuTemplate({ locale, isMac, send }: MenuOptions): MenuItemConstructorOptions[] {
  const { menu, tabs } = words[locale] ?? words[fallbackLocale]
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: menu.file,
      submenu: [
        {
          label: menu.exportReport,
          accelerator: 'CmdOrCtrl+P',
          click: () => send({ kind: 'exportReport' })
        },
        { type: 'separator' },
        isMac ? { role: 'close', label: menu.closeWindow } : { role: 'quit', label: menu.quit }
      ]
    },
    {
      label: menu.edit,
      submenu: [
        { role: 'undo', label: menu.undo },
        { role: 'redo', label: menu.redo },
        { type: 'separator' },
        { role: 'cut', label: menu.cut },
        { role: 'copy', label: menu.copy },
        { role: 'paste', label: menu.paste },
        { role: 'selectAll', label: menu.selectAll }
      ]
    },
    {
      label: menu.view,
      submenu: [
        ...tabNames.map((tab, index): MenuItemConstructorOptions => ({
          label: tabs[tab],
          accelerator: `CmdOrCtrl+${index + 1}`,
          click: () => send({ kind: 'tab', tab })
        })),
        { type: 'separator' },
        { role: 'resetZoom', label: menu.resetZoom },
        { role: 'zoomIn', label: menu.zoomIn },
        { role: 'zoomOut', label: menu.zoomOut },
        { role: 'togglefullscreen', label: menu.fullScreen }
      ]
    },
    {
      label: menu.window,
      submenu: [
        { role: 'minimize', label: menu.minimize },
        { role: 'close', label: menu.closeWindow }
      ]
    }
  ]
}
