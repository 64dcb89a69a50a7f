/**
 * Everything behind the API for browser mode, loaded with a dynamic import so the
 * server can print its address before dockerode and zod (≈ 0.4 s) have loaded.
 */
import type { WebSocketServer } from 'ws'
import type { Services } from './api/handlers'
import { createApi, type Api } from './api/router'
import { createServices } from './api/services'
import { transferRoutes, type TransferRoutes } from './downloads/transfers'
import { serveApiOverWebSocket } from './transport/wsTransport'

export interface ApiStack {
  services: Services & { dispose(): Promise<void> }
  api: Api
  serve(wss: WebSocketServer): () => void
  transfers: TransferRoutes
}

export function createApiStack(engine?: string, options: { hostShell?: boolean } = {}): ApiStack {
  const services = createServices({ explicit: engine, hostShell: options.hostShell })
  const api = createApi(services)
  return {
    services,
    api,
    serve: (wss) => serveApiOverWebSocket(wss, api),
    transfers: transferRoutes(services),
  }
}
