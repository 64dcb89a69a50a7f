/** Electron entry: lifecycle and wiring only. Everything else runs in plain Node too (see desktopApi.ts). */
import { app, BrowserWindow, ipcMain, safeStorage } from 'electron'
import { startDesktopApi } from './desktopApi'
import { encryptedVault } from './registry/encryptedVault'
import { createMainWindow, hardenSession } from './window/createWindow'
import { mainFrameOnly } from './transport/ipcTransport'
import { nativePathPicker } from './window/pathPicker'
import { registerDownloadScheme, serveDownloads } from './window/downloadProtocol'

app.enableSandbox()
registerDownloadScheme()
let mainWindow: BrowserWindow | undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => mainWindow?.focus())
  void app.whenReady().then(() => {
    hardenSession()
    const desktop = startDesktopApi({
      ipcMain,
      isTrustedSender: mainFrameOnly(() => mainWindow?.webContents),
      vault: encryptedVault(safeStorage, () => app.getPath('userData')),
      pickPath: nativePathPicker(() => mainWindow),
    })
    serveDownloads(desktop.handleTransfer)
    mainWindow = createMainWindow()
    mainWindow.on('closed', () => (mainWindow = undefined))
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
    })
    let disposed = false
    app.on('will-quit', (event) => {
      if (disposed) return
      // Terminal sessions end their exec'd processes in the engine first (at most 3 s).
      event.preventDefault()
      disposed = true
      const deadline = new Promise((done) => setTimeout(done, 3000))
      void Promise.race([desktop.dispose(), deadline]).finally(() => app.exit(0))
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
