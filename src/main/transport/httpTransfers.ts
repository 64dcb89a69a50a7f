/**
 * Browser mode's streamed transfers: GET /download/<ticket> and POST /upload/<ticket>.
 * A ticket comes from `transfers.download`/`transfers.upload` over the API socket; see
 * downloads/tickets.ts. Each kind has its own ceiling on concurrent transfers, so a page
 * that starts many cannot take every connection, and an idle transfer ends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream'
import type { Download } from '../downloads/downloads'
import { TRANSFER_PATH, type TransferRoutes } from '../downloads/transfers'
import { attachment, errorData, statusOf } from './httpStatus'
import { Slots } from './slots'

const MAX_DOWNLOADS = 16
const MAX_UPLOADS = 8
/** A transfer that moves no byte for this long (engine stalled, client stopped reading) is ended. */
const TRANSFER_IDLE_MS = 60_000

export interface HttpTransfers {
  route(path: string, req: IncomingMessage, res: ServerResponse): void
  stats(): { downloads: number; uploads: number }
}

export function httpTransfers(routes: Promise<TransferRoutes>, headers: Record<string, string>): HttpTransfers {
  const downloads = new Slots(MAX_DOWNLOADS)
  const uploads = new Slots(MAX_UPLOADS)
  const text = { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }

  function route(path: string, req: IncomingMessage, res: ServerResponse): void {
    const transfer = TRANSFER_PATH.exec(path)
    if (!transfer) {
      res.writeHead(404, text).end('No such transfer')
      return
    }
    const [, kind, ticket] = transfer
    const method = kind === 'upload' ? req.method === 'POST' : req.method === 'GET' || req.method === 'HEAD'
    if (!method) {
      res.writeHead(405, { ...headers, Connection: 'close' }).end()
      return
    }
    // A custom header cannot be sent cross-site without a preflight this server never answers.
    if (kind === 'upload' && (req.headers['x-wharf-upload'] !== '1' || !req.headers.origin)) {
      res.writeHead(403, { ...text, Connection: 'close' }).end('Uploads come from the Wharf page only')
      return
    }
    const slots = kind === 'upload' ? uploads : downloads
    const release = slots.take()
    if (!release) {
      res
        .writeHead(503, { ...text, 'Retry-After': '5', Connection: 'close' })
        .end(`Too many ${kind}s at once (${slots.max}); try again when one has finished`)
      return
    }
    res.once('close', release)
    // On the response, not the socket: the limit ends with this transfer, not with the keep-alive connection.
    res.setTimeout(TRANSFER_IDLE_MS, () => res.destroy())
    void (kind === 'upload' ? serveUpload(ticket, req, res) : serveDownload(ticket, res))
  }

  async function serveUpload(ticket: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length'])
    try {
      const result = await (await routes).upload(ticket, req, length)
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, result }))
    } catch (err) {
      req.resume()
      const data = errorData(err)
      res.writeHead(statusOf(data), { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: false, error: data }))
    }
  }

  async function serveDownload(ticket: string, res: ServerResponse): Promise<void> {
    let download: Download
    try {
      download = await (await routes).download(ticket)
    } catch (err) {
      const data = errorData(err)
      res.writeHead(statusOf(data), text).end(data.message)
      return
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': download.contentType,
      'Content-Disposition': attachment(download.filename),
      ...(download.size !== undefined ? { 'Content-Length': String(download.size) } : {}),
    })
    // With a 200 and its headers sent, the one way left to tell the browser the file is
    // incomplete is to cut the body short (below its Content-Length, or without the last
    // chunk): it then marks the download failed instead of saving a truncated file.
    // pipeline destroys the response, and with it the connection, when the source fails,
    // and the source when the client goes away.
    pipeline(download.body, res, () => undefined)
  }

  return { route, stats: () => ({ downloads: downloads.inUse, uploads: uploads.inUse }) }
}
