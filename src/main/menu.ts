import { Menu, type BrowserWindow } from 'electron'
import { menuChannel, type MenuCommand } from '../shared/contract'
import { fallbackLocale, type Locale } from '../shared/locales'
import { menuTemplate } from './menu-template'

/** Sets the application menu in a language; called again when the page switches language. */
export function setupMenu(
  focused: () => BrowserWindow | null,
  locale: Locale = fallbackLocale
): void {
  const send = (command: MenuCommand): void => {
    const window = focused()
    if (window && !window.isDestroyed()) window.webContents.send(menuChannel, command)
  }
  const template = menuTemplate({ locale, isMac: process.platform === 'darwin', send })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
