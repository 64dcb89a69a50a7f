/**
 * The browser-mode HTTP server: the built renderer, the WebSocket API and streamed
 * transfers, all behind the token check of httpAuth. Connections that have not
 * authenticated live briefly and are dropped oldest first (connectionGuard.ts); those that
 * have are limited per purpose: API sockets per session here, transfers in httpTransfers.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http'
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { TransferRoutes } from '../downloads/transfers'
import { ConnectionGuard, DEFAULT_GUARD_LIMITS, type GuardLimits } from './connectionGuard'
import { BEARER, checkHostAndOrigin, principalOf, sessionCookie, tokenFromUrl, type AuthConfig } from './httpAuth'
import { httpTransfers } from './httpTransfers'
import { serveStatic } from './staticFiles'
import { cspHeader } from '../../shared/csp'
import { tokenLanding } from './tokenLanding'

const MAX_MESSAGE_BYTES = 4 * 1024 * 1024
/** A page holds one API socket; a few tabs of one browser share a session. */
const MAX_SOCKETS_PER_SESSION = 16
/** A bound on file descriptors: untrusted connections are capped lower by the guard, this counts the rest. */
const MAX_CONNECTIONS = 1024
/** A request's headers, on a connection that has authenticated before, arrive within this. */
const HEADERS_TIMEOUT_MS = 5_000
/** A TLS handshake not done by then fails (the guard's untrusted lifetime applies as well). */
const HANDSHAKE_TIMEOUT_MS = 5_000
/** A connection that moves nothing for this long is closed (transfers set their own). */
const IDLE_TIMEOUT_MS = 30_000

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': cspHeader('browser'),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

export interface HttpServerOptions {
  /** Resolves once the API can serve sockets; upgrades wait for it, pages do not. */
  api: Promise<{
    serve(wss: WebSocketServer): () => void
    transfers: TransferRoutes
  }>
  auth: AuthConfig
  rendererRoot: string
  guard?: GuardLimits
  /** How often ended sessions are looked for, to close their API sockets. */
  sweepMs?: number
  /** Serve HTTPS with this PEM certificate (chain) and key. */
  tls?: { cert: string | Buffer; key: string | Buffer }
}

export interface ServerStats {
  /** Connections that have not authenticated, and how many were dropped for age or crowding. */
  untrusted: number
  evicted: number
  expired: number
  webSockets: number
  downloads: number
  uploads: number
}

export interface HttpServer {
  server: Server | TlsServer
  stats(): ServerStats
  /** Ends every connection, API sockets included, then stops listening. */
  close(): Promise<void>
}

export function createHttpServer({ api, auth, rendererRoot, guard: limits, sweepMs, tls }: HttpServerOptions): HttpServer {
  const guard = new ConnectionGuard(limits ?? DEFAULT_GUARD_LIMITS)
  const transfers = httpTransfers(
    api.then((stack) => stack.transfers),
    securityHeaders,
  )
  const refuse = (res: ServerResponse, status: number, reason: string): void => {
    // Closing makes a refused client connect again (and meet the guard) rather than keep a slot.
    res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(reason)
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const verdict = checkHostAndOrigin(req, auth)
    if (!verdict.ok) return refuse(res, 403, `Forbidden: ${verdict.reason}`)
    const url = new URL(req.url ?? '/', 'http://wharf.invalid')
    if (tokenFromUrl(url, auth)) {
      if (req.method !== 'GET') return refuse(res, 405, 'Open the address in a browser')
      guard.trust(req.socket)
      const landing = tokenLanding(sessionCookie(auth.sessions.create(), auth.secure))
      res.writeHead(200, landing.headers).end(landing.body)
      return
    }
    if (principalOf(req, auth) === undefined)
      return refuse(res, 403, 'Forbidden: open the address Wharf printed when it started (it carries the access token).')
    guard.trust(req.socket)
    if (/^\/(download|upload)\//.test(url.pathname)) return transfers.route(url.pathname, req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed')
    serveStatic(rendererRoot, url.pathname, res, securityHeaders)
  }
  const options: ServerOptions = { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: 0, connectionsCheckingInterval: 1_000 }
  // The guard closes slow handshakes with every other untrusted connection; Node's own limit is 120 s.
  const server = tls
    ? createTlsServer({ ...options, ...tls, handshakeTimeout: HANDSHAKE_TIMEOUT_MS }, handle)
    : createServer(options, handle)
  guard.watch(server)
  server.maxConnections = MAX_CONNECTIONS
  server.keepAliveTimeout = 5_000
  server.timeout = IDLE_TIMEOUT_MS

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Chromium's WebSocket receive path, not the engine, limits a log pouring in (P3):
    // log text deflates several times over, so fewer bytes cross it. Level 1 keeps the
    // CPU cost low. Which messages are deflated is decided per message in wsTransport
    // (DEFLATE_MIN_BYTES): ws applies its own threshold only when the browser asks for no
    // context takeover, which Chromium does not.
    perMessageDeflate: { zlibDeflateOptions: { level: 1 }, concurrencyLimit: 2 },
  })
  /** API sockets by principal: counted against the per-session cap, closed when their session ends. */
  const apiSockets = new Map<string, Set<Duplex>>()
  const stopEnding = auth.sessions.onEnd((key) => {
    for (const socket of apiSockets.get(key) ?? []) socket.destroy()
  })
  const sweeper = setInterval(() => auth.sessions.sweep(), sweepMs ?? 60_000)
  sweeper.unref()
  let stopPinging: (() => void) | undefined
  const ready = api.then((stack) => {
    stopPinging = stack.serve(wss)
  })
  const refuseUpgrade = (socket: Duplex, status: string): void => {
    // Ended and destroyed: a refused socket that the client keeps open must not linger half-open.
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy())
  }
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkHostAndOrigin(req, auth)
    const principal = verdict.ok ? principalOf(req, auth) : undefined
    const url = new URL(req.url ?? '/', 'http://wharf.invalid')
    if (principal === undefined || url.pathname !== '/api') return refuseUpgrade(socket, '403 Forbidden')
    const own = apiSockets.get(principal) ?? new Set<Duplex>()
    if (own.size >= MAX_SOCKETS_PER_SESSION) return refuseUpgrade(socket, '429 Too Many Requests')
    apiSockets.set(principal, own.add(socket))
    socket.once('close', () => {
      own.delete(socket)
      if (own.size === 0 && apiSockets.get(principal) === own) apiSockets.delete(principal)
    })
    guard.trust(req.socket)
    ready.then(
      () =>
        wss.handleUpgrade(req, socket, head, (ws) => {
          // Using the app keeps its session alive; a page left unused for the session's lifetime loses it.
          if (principal !== BEARER) ws.on('message', () => auth.sessions.touch(principal))
          wss.emit('connection', ws, req)
        }),
      () => socket.destroy(),
    )
  })

  return {
    server,
    stats: () => ({ ...guard.stats(), webSockets: wss.clients.size, ...transfers.stats() }),
    close: () =>
      new Promise<void>((done) => {
        stopPinging?.()
        stopEnding()
        clearInterval(sweeper)
        for (const client of wss.clients) client.terminate()
        guard.dispose()
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}
