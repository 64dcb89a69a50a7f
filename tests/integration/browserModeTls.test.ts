/**
 * Browser mode over HTTPS (--tls-cert/--tls-key), with a self-signed certificate made by
 * openssl for 127.0.0.1, trusted by the client as its CA. And the rule that an address
 * other machines reach is not served without TLS unless --insecure says so.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBrowserMode, type BrowserMode } from '../../src/main/browserMode'
import type { ServerMessage } from '../../src/shared/protocol'
import { nextMessage, within } from './support/browserClient'

const TOKEN = 'integration-token-tls'
const dir = mkdtempSync(join(tmpdir(), 'wharf-tls-'))
let cert: Buffer
let key: Buffer
let app: BrowserMode
let origin: string

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ].concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
    { stdio: 'ignore' },
  )
  cert = readFileSync(join(dir, 'cert.pem'))
  key = readFileSync(join(dir, 'key.pem'))
  const root = join(dir, 'renderer')
  mkdirSync(root)
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
  app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root, tls: { cert, key } })
  origin = `https://127.0.0.1:${app.port}`
})
afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A GET that trusts the test's certificate as its CA; `agent` lets a test keep the connection. */
function get(path: string, headers: Record<string, string> = {}, agent?: https.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: '127.0.0.1', port: app.port, path, headers, ca: cert, agent }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      })
      .on('error', reject)
  })
}

describe('browser mode over TLS', () => {
  it('prints an https address, and trades the token for a Secure cookie', async () => {
    expect(app.url.startsWith(`${origin}/?token=`)).toBe(true)
    const landing = await get(`/?token=${TOKEN}`)
    expect(landing.status).toBe(200)
    const setCookie = landing.headers['set-cookie']?.[0] ?? ''
    expect(setCookie).toMatch(/; Secure/)
    const page = await get('/', { cookie: setCookie.split(';')[0] })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Wharf</title>')
  })

  it('serves the API socket over wss with the https origin, and keeps the authenticated connection', async () => {
    const cookie = ((await get(`/?token=${TOKEN}`)).headers['set-cookie']?.[0] ?? '').split(';')[0]
    const ws = await within(
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(`wss://127.0.0.1:${app.port}/api`, { headers: { cookie, origin }, ca: cert })
        socket.once('open', () => resolve(socket))
        socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
        socket.once('error', reject)
      }),
      5_000,
      'the API socket',
    )
    try {
      ws.send(JSON.stringify({ t: 'call', id: 1, method: 'engine.status', input: {}, engine: 'local' }))
      const reply: ServerMessage = await within(
        nextMessage(ws, (m) => m.t === 'result' && m.id === 1),
        5_000,
        'an API call',
      )
      expect(reply).toMatchObject({ ok: true })
      // The TLS connection was matched to its TCP connection and trusted: the guard will not close it.
      expect(app.stats().untrusted).toBe(0)
    } finally {
      ws.close()
    }
  })

  it('does not speak plain HTTP on its port', async () => {
    const outcome = await new Promise<string>((resolve) => {
      http
        .get({ host: '127.0.0.1', port: app.port, path: `/?token=${TOKEN}` }, (res) => resolve(`HTTP ${res.statusCode}`))
        .on('error', (err) => resolve(err.message))
    })
    expect(outcome).not.toMatch(/^HTTP 200/)
  })
})

describe('an address other machines reach', () => {
  it('is refused without TLS or --insecure, before anything listens', async () => {
    await expect(startBrowserMode({ port: 0, host: '0.0.0.0', token: TOKEN })).rejects.toThrow(
      /reachable from other machines.*--tls-cert FILE and --tls-key FILE.*--insecure/,
    )
  })
})
