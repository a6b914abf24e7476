import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { menuChannel, tabNames, type MenuCommand } from '../shared/contract'

function send(window: BrowserWindow | null, command: MenuCommand): void {
  if (window && !window.isDestroyed()) window.webContents.send(menuChannel, command)
}

/** File (export, quit), View (the recipe's tabs, Ctrl/Cmd+1..7), and the standard edit roles. */
export function setupMenu(focused: () => BrowserWindow | null): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Export report (PDF)…',
          accelerator: 'CmdOrCtrl+P',
          click: () => send(focused(), { kind: 'exportReport' })
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...tabNames.map(
          (tab, index): MenuItemConstructorOptions => ({
            label: tab,
            accelerator: `CmdOrCtrl+${index + 1}`,
            click: () => send(focused(), { kind: 'tab', tab })
          })
        ),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
