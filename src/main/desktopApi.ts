/**
 * The desktop app's main side, without Electron: the services, the contract over an
 * ipcMain, and the wharf-download: handler. src/main/index.ts passes Electron's own
 * objects in; the desktop test harness passes stand-ins that behave like them, so what
 * runs behind the window is the same code in both.
 */
import type { IpcMain } from 'electron'
import type { ExternalOpener, PathPicker } from './api/context'
import { createApi } from './api/router'
import { createAppServices, type AppServices } from './appServices'
import { transferRoutes } from './downloads/transfers'
import type { Vault } from './registry/credentials'
import type { SettingsStore } from './storage/settings'
import { serveApiOverIpc, type SenderCheck } from './transport/ipcTransport'
import type { EngineSecrets } from './engine/engineSecrets'
import { createTransferHandler, type TransferHandler } from './transport/transferScheme'

export interface DesktopShell {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeAllListeners'>
  /** True only for the main frame of the app's own window. */
  isTrustedSender: SenderCheck
  vault?: Vault
  /** Added engines' secrets, in the OS's secret store (engine/engineSecrets.ts). */
  engineSecrets?: EngineSecrets
  pickPath?: PathPicker
  /** The system browser (shell.openExternal), for the web addresses main builds itself. */
  openExternal?: ExternalOpener
  /** The engine to use instead of detecting one (tests). */
  engine?: string
  /** Where settings and added engines are kept (the app's user-data folder); none: in memory only. */
  settings?: SettingsStore
}

export interface DesktopApi {
  app: AppServices
  /** What `protocol.handle('wharf-download', …)` serves. */
  handleTransfer: TransferHandler
  /** Streams main serves to windows now. */
  openStreams(): number
  /** Stops answering IPC and ends every session; terminals end their processes in the engine first. */
  dispose(): Promise<void>
}

export function startDesktopApi(shell: DesktopShell): DesktopApi {
  const app = createAppServices({
    explicit: shell.engine,
    vault: shell.vault,
    engineSecrets: shell.engineSecrets,
    pickPath: shell.pickPath,
    openExternal: shell.openExternal,
    settings: shell.settings,
  })
  const ipc = serveApiOverIpc(shell.ipcMain, createApi(app), shell.isTrustedSender)
  return {
    app,
    handleTransfer: createTransferHandler(transferRoutes(app)),
    openStreams: () => ipc.openStreams(),
    async dispose() {
      ipc.stop()
      await app.dispose()
    },
  }
}
