import { join } from 'node:path'
import { createApi } from './api/router'
import type { Services } from './api/handlers'
import { createServices } from './api/services'
import { allowedHostsFor, type AuthConfig } from './transport/httpAuth'
import { createHttpServer } from './transport/httpServer'

export interface BrowserModeOptions {
  port: number
  host: string
  token: string
  engine?: string
  rendererRoot?: string
}

export interface BrowserMode {
  /** The address to open, carrying the token. */
  url: string
  port: number
  services: Services
  close(): Promise<void>
}

/** Starts the engine services and the HTTP/WebSocket server; resolves once listening. */
export function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const services = createServices({ explicit: options.engine })
  const auth: AuthConfig = { token: options.token, allowedHosts: new Set() }
  const server = createHttpServer({
    api: createApi(services),
    auth,
    rendererRoot: options.rendererRoot ?? join(__dirname, '../renderer'),
  })
  return new Promise((resolve, reject) => {
    server.once('error', (err) => {
      services.dispose()
      reject(err)
    })
    server.listen(options.port, options.host, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : options.port
      // The port is known only now when 0 asked for a free one.
      for (const host of allowedHostsFor(options.host, port)) auth.allowedHosts.add(host)
      const shown = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host
      const hostPart = shown.includes(':') ? `[${shown}]` : shown
      resolve({
        url: `http://${hostPart}:${port}/?token=${encodeURIComponent(options.token)}`,
        port,
        services,
        close: () =>
          new Promise<void>((done) => {
            services.dispose()
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
