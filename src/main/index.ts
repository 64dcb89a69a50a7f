/** Electron entry: lifecycle and wiring only. Everything else runs in plain Node too. */
import { app, BrowserWindow, ipcMain } from 'electron'
import { createApi } from './api/router'
import { createServices } from './api/services'
import { serveApiOverIpc } from './transport/ipcTransport'
import { openDownload } from './downloads/downloads'
import { createMainWindow, hardenSession, trustedSender } from './window/createWindow'
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
    const services = createServices()
    serveDownloads((path) => openDownload(services, path))
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
    app.on('will-quit', () => {
      stopIpc()
      services.dispose()
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
