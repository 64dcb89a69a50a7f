/**
 * The native application menu: the usual roles, which the OS (macOS) or Electron label and
 * wire up, so copy/paste, zoom and full screen work as in any app. Reload and the
 * developer tools exist only in development: in a package they would let anyone reload
 * away state or poke at the renderer.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { ShellText } from './shellText'

export interface AppMenuOptions {
  platform: NodeJS.Platform
  packaged: boolean
  appName: string
  text: ShellText
  /** Opens the project's README in the system browser. */
  openHelp: () => void
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

export function appMenuTemplate({ platform, packaged, appName, text, openHelp }: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  return [
    ...(mac
      ? [
          {
            label: appName,
            role: 'appMenu',
            submenu: [
              { role: 'about' },
              separator,
              { role: 'services' },
              separator,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              separator,
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    // On macOS Quit lives in the app menu; File keeps Close Window as Mac apps do.
    { role: 'fileMenu', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(mac ? [{ role: 'pasteAndMatchStyle' } satisfies MenuItemConstructorOptions] : []),
        { role: 'delete' },
        separator,
        { role: 'selectAll' },
      ],
    },
    {
      role: 'viewMenu',
      submenu: [
        ...(packaged
          ? []
          : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[])),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'windowMenu',
      submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
    },
    { role: 'help', submenu: [{ label: text.helpReadme, click: () => openHelp() }] },
  ]
}
