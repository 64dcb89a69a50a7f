import { join } from 'node:path'
import type { ApiStack } from './apiStack'
import type { AppServices } from './appServices'
import { allowedHostsFor, type AuthConfig } from './transport/httpAuth'
import { createHttpServer, type ServerStats } from './transport/httpServer'
import { SessionStore, type SessionOptions } from './transport/sessions'
import { exposureProblem, isLoopback } from './serverArgs'

export interface BrowserModeOptions {
  port: number
  host: string
  token: string
  engine?: string
  /** The Terminal pane's host shell; by default allowed on loopback only. */
  hostShell?: boolean
  /** PEM certificate (chain) and key: served over HTTPS, the session cookie Secure. */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** Plain HTTP on an address other machines reach, accepted knowingly (--insecure); refused otherwise. */
  insecure?: boolean
  rendererRoot?: string
  /** Session lifetime, clock and how often ended sessions are swept; tests shorten them. */
  sessions?: Partial<SessionOptions> & { sweepMs?: number }
  /** Called as soon as the server listens, before the engine services have loaded. */
  onListening?: (url: string) => void
}

export interface BrowserMode {
  /** The address to open, carrying the token. */
  url: string
  port: number
  app: AppServices
  /** What the server holds open now: connections by kind, transfers, API sockets. */
  stats(): ServerStats
  close(): Promise<void>
}

/**
 * Starts the HTTP/WebSocket server and, in parallel, the engine services; resolves
 * once both are up. Pages are served from the first moment; API sockets wait.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  // The same rule as the command line's, for callers that do not come through it.
  const problem = exposureProblem(options.host, options.tls !== undefined, options.insecure ?? false)
  if (problem) throw new Error(problem)
  const hostShell = options.hostShell ?? isLoopback(options.host)
  // Loading dockerode and zod blocks Node for ~0.4 s. It starts once the address is
  // printed, so it does not delay that. Loading it later (when the page's script had been
  // sent) left it competing with the browser for the CPU while the page waited for its
  // socket: process start to first row was ~0.35 s slower that way (2026-12-02, P6).
  let loadStack = (): void => undefined
  const stack = new Promise<ApiStack>((resolve, reject) => {
    loadStack = () => void import('./apiStack').then((m) => resolve(m.createApiStack(options.engine, { hostShell })), reject)
  })
  const { sweepMs, ...sessionOptions } = options.sessions ?? {}
  const auth: AuthConfig = {
    token: options.token,
    allowedHosts: new Set(),
    sessions: new SessionStore(sessionOptions),
    secure: options.tls !== undefined,
  }
  const http = createHttpServer({
    api: stack,
    auth,
    rendererRoot: options.rendererRoot ?? join(__dirname, '../renderer'),
    sweepMs,
    tls: options.tls,
  })
  const port = await new Promise<number>((resolve, reject) => {
    http.server.once('error', reject)
    http.server.listen(options.port, options.host, () => {
      const address = http.server.address()
      resolve(typeof address === 'object' && address ? address.port : options.port)
    })
  })
  // The port is known only now when 0 asked for a free one.
  for (const host of allowedHostsFor(options.host, port)) auth.allowedHosts.add(host)
  const shown = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host
  const url = `${options.tls ? 'https' : 'http'}://${shown.includes(':') ? `[${shown}]` : shown}:${port}/?token=${encodeURIComponent(options.token)}`
  options.onListening?.(url)
  setImmediate(loadStack)
  const { app } = await stack
  return {
    url,
    port,
    app,
    stats: () => http.stats(),
    // Terminal sessions tell their exec'd processes to end before the engine connection goes.
    close: () => app.dispose().finally(() => http.close()),
  }
}
