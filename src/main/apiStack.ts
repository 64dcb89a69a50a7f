/**
 * Everything behind the API for browser mode, loaded with a dynamic import so the
 * server can print its address before dockerode and zod (≈ 0.4 s) have loaded.
 */
import type { WebSocketServer } from 'ws'
import { createApi, type Api } from './api/router'
import { createAppServices, type AppServices } from './appServices'
import { transferRoutes, type TransferRoutes } from './downloads/transfers'
import { defaultSettingsDir, openSettings } from './storage/settings'
import { serveApiOverWebSocket } from './transport/wsTransport'

export interface ApiStack {
  app: AppServices
  api: Api
  serve(wss: WebSocketServer): () => void
  transfers: TransferRoutes
}

export function createApiStack(engine?: string, options: { hostShell?: boolean; settingsDir?: string } = {}): ApiStack {
  const app = createAppServices({
    explicit: engine,
    hostShell: options.hostShell,
    settings: openSettings(options.settingsDir ?? defaultSettingsDir()),
  })
  const api = createApi(app)
  return {
    app,
    api,
    serve: (wss) => serveApiOverWebSocket(wss, api),
    transfers: transferRoutes(app),
  }
}
