/** Electron entry: lifecycle and wiring only. Everything else runs in plain Node too (see desktopApi.ts). */
import { app, BrowserWindow, ipcMain, Menu, Notification, safeStorage, screen, shell } from 'electron'
import { join } from 'node:path'
import { startDesktopApi } from './desktopApi'
import { vaultSecrets } from './engine/engineSecrets'
import { encryptedVault } from './registry/encryptedVault'
import { openSettings } from './storage/settings'
import { mainFrameOnly } from './transport/ipcTransport'
import { createMainWindow, hardenSession } from './window/createWindow'
import { nativePathPicker } from './window/pathPicker'
import { registerDownloadScheme, serveDownloads } from './window/downloadProtocol'
import { appMenuTemplate } from './window/appMenu'
import { windowIconPath } from './window/appIcon'
import { APP_ID, HELP_URL, PRODUCT_NAME } from './window/appIdentity'
import { externalUrl } from './window/externalLinks'
import { announceTaskEnds, followPageLanguage } from './window/notifications'
import { shellLocale, shellText } from './window/shellText'
import { isUserLaunch, revealWindow } from './window/singleInstance'
import { loadWindowState, saveWindowState } from './window/windowState'

app.enableSandbox()
registerDownloadScheme()
let mainWindow: BrowserWindow | undefined
let showMainWindow = (): void => undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv) => {
    if (isUserLaunch(argv)) showMainWindow()
  })
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
  void app.whenReady().then(() => {
    hardenSession()
    let locale = shellLocale(app.getLocale())
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          platform: process.platform,
          packaged: app.isPackaged,
          appName: PRODUCT_NAME,
          text: shellText(locale),
          openHelp: () => {
            const url = externalUrl(HELP_URL)
            if (url) void shell.openExternal(url)
          },
        }),
      ),
    )
    const desktop = startDesktopApi({
      ipcMain,
      isTrustedSender: mainFrameOnly(() => mainWindow?.webContents),
      vault: encryptedVault(safeStorage, () => app.getPath('userData')),
      engineSecrets: vaultSecrets(safeStorage, () => app.getPath('userData')),
      pickPath: nativePathPicker(() => mainWindow),
      // Only addresses main built from an engine's port binding (containers.openPort) come here.
      openExternal: (url) => shell.openExternal(url),
      settings: openSettings(app.getPath('userData')),
    })
    serveDownloads(desktop.handleTransfer)
    const stateFile = join(app.getPath('userData'), 'window-state.json')
    const icon = windowIconPath(process.platform, __dirname)
    const openWindow = (): BrowserWindow => {
      const win = createMainWindow({
        state: loadWindowState(stateFile),
        workAreas: screen.getAllDisplays().map((display) => display.workArea),
        icon,
        saveState: (state) => saveWindowState(stateFile, state),
      })
      followPageLanguage(win, (pageLocale) => (locale = pageLocale))
      win.on('closed', () => {
        if (mainWindow === win) mainWindow = undefined
      })
      return win
    }
    showMainWindow = () => {
      if (mainWindow) revealWindow(mainWindow)
      else mainWindow = openWindow()
    }
    mainWindow = openWindow()
    const stopNotices = announceTaskEnds(desktop.app.tasks.changed, {
      Notification,
      window: () => mainWindow,
      locale: () => locale,
      icon,
      reveal: () => showMainWindow(),
    })
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showMainWindow()
    })
    let disposed = false
    app.on('will-quit', (event) => {
      if (disposed) return
      // Terminal sessions end their exec'd processes in the engine first (at most 3 s).
      event.preventDefault()
      disposed = true
      stopNotices()
      const deadline = new Promise((done) => setTimeout(done, 3000))
      void Promise.race([desktop.dispose(), deadline]).finally(() => app.exit(0))
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
