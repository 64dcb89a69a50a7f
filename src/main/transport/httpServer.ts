/**
 * The browser-mode HTTP server: the built renderer and the WebSocket API, both behind
 * the token check of httpAuth, with connection limits and timeouts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { WebSocketServer } from 'ws'
import { checkHostAndOrigin, isAuthenticated, sessionCookie, tokenFromUrl, type AuthConfig } from './httpAuth'
import type { Download } from '../downloads/downloads'
import { TRANSFER_PATH, type TransferRoutes } from '../downloads/transfers'
import { attachment, errorData, statusOf } from './httpStatus'
import { serveStatic } from './staticFiles'
import { cspHeader } from '../../shared/csp'

const MAX_SOCKETS = 32
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024

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
  /** Told when the page has its script or opens a socket: a good moment to load the API. */
  onDemand?: () => void
}

export function createHttpServer({ api, auth, rendererRoot, onDemand }: HttpServerOptions): Server {
  const server = createServer((req, res) => {
    const verdict = checkHostAndOrigin(req, auth)
    if (!verdict.ok) {
      res.writeHead(403, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end(`Forbidden: ${verdict.reason}`)
      return
    }
    const url = new URL(req.url ?? '/', 'http://wharf.invalid')
    if (tokenFromUrl(url, auth)) {
      res.writeHead(302, { ...securityHeaders, 'Set-Cookie': sessionCookie(auth.token), Location: '/' }).end()
      return
    }
    if (!isAuthenticated(req, auth)) {
      res
        .writeHead(403, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Forbidden: open the address Wharf printed when it started (it carries the access token).')
      return
    }
    if (/^\/(download|upload)\//.test(url.pathname)) {
      routeTransfer(url.pathname, req, res)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, securityHeaders).end()
      return
    }
    serveStatic(rendererRoot, url.pathname, res, securityHeaders)
    if (onDemand && url.pathname.endsWith('.js')) res.once('finish', onDemand)
  })
  function routeTransfer(path: string, req: IncomingMessage, res: ServerResponse): void {
    const transfer = TRANSFER_PATH.exec(path)
    if (!transfer) {
      res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('No such transfer')
      return
    }
    const [, kind, ticket] = transfer
    const method = kind === 'upload' ? req.method === 'POST' : req.method === 'GET' || req.method === 'HEAD'
    if (!method) {
      res.writeHead(405, securityHeaders).end()
      return
    }
    // A custom header cannot be sent cross-site without a preflight this server never answers.
    if (kind === 'upload' && (req.headers['x-wharf-upload'] !== '1' || !req.headers.origin)) {
      res.writeHead(403, securityHeaders).end('Uploads come from the Wharf page only')
      return
    }
    void (kind === 'upload' ? serveUpload(ticket, req, res) : serveDownload(ticket, res))
  }
  async function serveUpload(ticket: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length'])
    // Big uploads take longer than the request timeout; an idle minute still ends them.
    req.socket.setTimeout(60_000, () => req.destroy())
    try {
      const result = await (await api).transfers.upload(ticket, req, length)
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, result }))
    } catch (err) {
      req.resume()
      const data = errorData(err)
      res
        .writeHead(statusOf(data), { ...securityHeaders, 'Content-Type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: data }))
    }
  }
  async function serveDownload(ticket: string, res: ServerResponse): Promise<void> {
    let download: Download
    try {
      download = await (await api).transfers.download(ticket)
    } catch (err) {
      const data = errorData(err)
      res.writeHead(statusOf(data), { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end(data.message)
      return
    }
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': download.contentType,
      'Content-Disposition': attachment(download.filename),
      ...(download.size !== undefined ? { 'Content-Length': String(download.size) } : {}),
    })
    download.body.pipe(res)
    res.on('close', () => download.body.destroy())
  }

  server.maxConnections = MAX_SOCKETS
  server.headersTimeout = 10_000
  // Uploads of big files last minutes; serveUpload ends idle ones instead.
  server.requestTimeout = 0
  server.keepAliveTimeout = 5_000

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Chromium's WebSocket receive path, not the engine, limits a log pouring in (P3):
    // log text deflates several times over, so fewer bytes cross it. Level 1 keeps the
    // CPU cost low; small messages (calls, deltas) are sent as they are.
    perMessageDeflate: { zlibDeflateOptions: { level: 1 }, threshold: 16 * 1024, concurrencyLimit: 2 },
  })
  let stopPinging: (() => void) | undefined
  const ready = api.then((stack) => {
    stopPinging = stack.serve(wss)
  })
  server.on('upgrade', (req, socket, head) => {
    const verdict = checkHostAndOrigin(req, auth)
    const url = new URL(req.url ?? '/', 'http://wharf.invalid')
    if (!verdict.ok || !isAuthenticated(req, auth) || url.pathname !== '/api' || wss.clients.size >= MAX_SOCKETS) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    onDemand?.()
    ready.then(
      () => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
      () => socket.destroy(),
    )
  })
  server.on('close', () => {
    stopPinging?.()
    for (const client of wss.clients) client.terminate()
  })
  return server
}
