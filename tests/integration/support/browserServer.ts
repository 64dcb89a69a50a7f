import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { startBrowserMode, type BrowserMode } from '../../../src/main/browserMode'
import { createApi } from '../../../src/main/api/router'
import { STARTUP_ENGINE } from '../../../src/main/appServices'
import { bindApi, type TransferCtx } from './app'

const TOKEN = 'integration-token-uploads'

export interface BrowserServer {
  app: BrowserMode
  base: string
  cookie: string
  /** The headers a page's upload carries: session cookie, Origin and the upload header. */
  uploadHeaders: Record<string, string>
  /** The server's own app and API on its engine, for transfer tickets as the page gets them. */
  ctx: TransferCtx
}

/** Browser mode on a free port, with a session cookie for its requests. */
export async function startBrowserServer(): Promise<BrowserServer> {
  const root = mkdtempSync(join(tmpdir(), 'wharf-renderer-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
  const app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root })
  const base = `http://127.0.0.1:${app.port}`
  const res = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
  const ctx = { app: app.app, api: bindApi(createApi(app.app), STARTUP_ENGINE) }
  return { app, base, cookie, uploadHeaders: { cookie, origin: base, 'x-wharf-upload': '1' }, ctx }
}

/**
 * POSTs `body` to `path` declaring `length` bytes, sends the first `cutAfter`, waits for
 * `inProgress`, then cuts the upload off: `destroy` drops the connection (a cancelled
 * upload), `short` ends it with fewer bytes than declared (a failed one).
 */
export async function cutUpload(
  server: BrowserServer,
  path: string,
  body: Readable,
  length: number,
  cutAfter: number,
  inProgress: () => Promise<boolean>,
  how: 'destroy' | 'short',
): Promise<void> {
  const head =
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.app.port}\r\nContent-Length: ${length}\r\n` +
    Object.entries(server.uploadHeaders)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n'
  const socket = connect(server.app.port, '127.0.0.1')
  socket.on('error', () => undefined)
  await new Promise<void>((resolve) => socket.once('connect', resolve))
  socket.write(head)
  let sent = 0
  for await (const chunk of body) {
    const bytes = (chunk as Buffer).subarray(0, cutAfter - sent)
    sent += bytes.length
    if (!socket.write(bytes)) await new Promise((resolve) => socket.once('drain', resolve))
    if (sent >= cutAfter) break
  }
  body.destroy()
  for (const deadline = Date.now() + 20_000; !(await inProgress());) {
    if (Date.now() > deadline) throw new Error(`The upload to ${path} did not reach the server's target`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  if (how === 'destroy') socket.destroy()
  else socket.end()
}

/** A full upload through the same route, answered. */
export function postUpload(server: BrowserServer, path: string, body: Buffer): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.base}${path}`,
      { method: 'POST', headers: { ...server.uploadHeaders, 'content-length': body.length } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
