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

/** What a refused upload still sends is read and dropped up to this much, within this long. */
const DRAIN_BYTES = 512 * 1024 * 1024
const DRAIN_MS = 30_000

/**
 * Answers a request whose body will not be used. Closing the connection with the client's
 * bytes unread makes the kernel reset it, and the client, still sending, then sees
 * ECONNRESET instead of the answer; so the rest is read and dropped first, up to a limit
 * past which the connection is closed anyway. The connection is not reused after it.
 */
function answerAfterBody(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  let answered = false
  const answer = (): void => {
    if (answered) return
    answered = true
    clearTimeout(timer)
    req.off('data', count)
    req.pause()
    if (!res.headersSent && !res.destroyed) res.writeHead(status, { ...headers, Connection: 'close' }).end(body)
  }
  let left = DRAIN_BYTES
  const count = (chunk: Buffer): void => {
    left -= chunk.length
    if (left < 0) answer()
  }
  const timer = setTimeout(answer, DRAIN_MS)
  if (req.complete || req.destroyed) return answer()
  req.on('data', count)
  req.once('end', answer)
  req.once('close', answer)
  req.resume()
}

export interface HttpTransfers {
  route(path: string, req: IncomingMessage, res: ServerResponse): void
  stats(): { downloads: number; uploads: number }
}

export function httpTransfers(routes: Promise<TransferRoutes>, headers: Record<string, string>): HttpTransfers {
  const downloads = new Slots(MAX_DOWNLOADS)
  const uploads = new Slots(MAX_UPLOADS)
  const text = { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }

  function route(path: string, req: IncomingMessage, res: ServerResponse): void {
    const refuse = (status: number, reason: string, extra: Record<string, string> = {}): void =>
      answerAfterBody(req, res, status, { ...text, ...extra }, reason)
    const transfer = TRANSFER_PATH.exec(path)
    if (!transfer) return refuse(404, 'No such transfer')
    const [, kind, ticket] = transfer
    const method = kind === 'upload' ? req.method === 'POST' : req.method === 'GET' || req.method === 'HEAD'
    if (!method) return refuse(405, kind === 'upload' ? 'An upload is a POST' : 'A download is a GET')
    // A custom header cannot be sent cross-site without a preflight this server never answers.
    if (kind === 'upload' && (req.headers['x-wharf-upload'] !== '1' || !req.headers.origin))
      return refuse(403, 'Uploads come from the Wharf page only')
    const slots = kind === 'upload' ? uploads : downloads
    const release = slots.take()
    if (!release) return refuse(503, `Too many ${kind}s at once (${slots.max}); try again when one has finished`, { 'Retry-After': '5' })
    res.once('close', release)
    // On the response, not the socket: the limit ends with this transfer, not with the keep-alive connection.
    res.setTimeout(TRANSFER_IDLE_MS, () => res.destroy())
    void (kind === 'upload' ? serveUpload(ticket, req, res) : serveDownload(ticket, res))
  }

  async function serveUpload(ticket: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length'])
    const json = { ...headers, 'Content-Type': 'application/json' }
    try {
      const result = await (await routes).upload(ticket, req, length)
      res.writeHead(200, json).end(JSON.stringify({ ok: true, result }))
    } catch (err) {
      const data = errorData(err)
      answerAfterBody(req, res, statusOf(data), json, JSON.stringify({ ok: false, error: data }))
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
