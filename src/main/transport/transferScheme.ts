/**
 * The desktop app's streamed transfers, as a fetch-style handler that Electron's
 * `protocol.handle` serves for the wharf-download: scheme (and the desktop test harness
 * calls directly). It has no Electron import: it speaks the web's Request and Response.
 *   GET  wharf-download://app/download/<ticket>   a download (Electron's download manager saves it)
 *   POST wharf-download://app/upload/<ticket>     an upload; the reply is the usual envelope
 * A ticket comes only from `transfers.download`/`transfers.upload`, which only the app's
 * own window can call over IPC: a request without a live ticket gets 404 and does nothing.
 */
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { TRANSFER_PATH, type TransferRoutes } from '../downloads/transfers'
import { attachment, errorData, statusOf } from './httpStatus'

export type TransferHandler = (request: Request) => Promise<Response>

/**
 * The page (file://, an opaque origin) reaching the scheme is a cross-origin request, and
 * an upload's content type makes the browser ask first. Any origin may read: only the
 * app's own window exists, and nothing answers without a ticket.
 */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST',
  'Access-Control-Allow-Headers': 'Content-Type, X-Wharf-Upload',
}

export function createTransferHandler(routes: TransferRoutes): TransferHandler {
  return async (request) => {
    const response = await answer(routes, request)
    for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value)
    return response
  }
}

async function answer(routes: TransferRoutes, request: Request): Promise<Response> {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204 })
  const url = new URL(request.url)
  const match = url.host === 'app' ? TRANSFER_PATH.exec(url.pathname) : null
  if (!match) return new Response('No such transfer', { status: 404 })
  const [, kind, ticket] = match
  if (kind === 'upload') {
    if (request.method !== 'POST' || !request.body) return new Response('An upload is a POST with a body', { status: 405 })
    const length = request.headers.get('content-length')
    const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>)
    try {
      const result = await routes.upload(ticket, body, length === null ? undefined : Number(length))
      return Response.json({ ok: true, result })
    } catch (err) {
      // A refusal leaves the body unread (browser mode's HTTP layer drains it); here nothing else will read it.
      body.destroy()
      const error = errorData(err)
      return Response.json({ ok: false, error }, { status: statusOf(error) })
    }
  }
  if (request.method !== 'GET') return new Response('A download is a GET', { status: 405 })
  try {
    const download = await routes.download(ticket)
    const headers: Record<string, string> = {
      'Content-Type': download.contentType,
      'Content-Disposition': attachment(download.filename),
    }
    if (download.size !== undefined) headers['Content-Length'] = String(download.size)
    return new Response(Readable.toWeb(download.body) as ReadableStream<Uint8Array>, { headers })
  } catch (err) {
    const error = errorData(err)
    return new Response(error.message, { status: statusOf(error), headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
}
