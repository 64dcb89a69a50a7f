/** Electron entry: lifecycle and wiring only. Everything else runs in plain Node too. */
import { app, BrowserWindow, ipcMain } from 'electron'
import { createApi } from './api/router'
import { createServices } from './api/services'
import { serveApiOverIpc } from './transport/ipcTransport'
import { openDownload } from './downloads/downloads'
import { acceptUpload } from './downloads/uploads'
import { createMainWindow, hardenSession, trustedSender } from './window/createWindow'
import { nativePathPicker } from './window/pathPicker'
import { safeStorageVault } from './window/safeStorageVault'
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
    const services = createServices({ vault: safeStorageVault(), pickPath: nativePathPicker(() => mainWindow) })
    serveDownloads(
      (path) => openDownload(services, path),
      (path, body, length) => acceptUpload(services, path, body, length),
    )
    const stopIpc = serveApiOverIpc(
      ipcMain,
      createApi(services),
      trustedSender(() => mainWindow),
    )
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
      stopIpc()
      const deadline = new Promise((done) => setTimeout(done, 3000))
      void Promise.race([services.dispose(), deadline]).finally(() => app.exit(0))
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
