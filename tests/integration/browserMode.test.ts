import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBrowserMode, type BrowserMode } from '../../src/main/browserMode'
import type { ServerMessage } from '../../src/shared/protocol'
import { cleanup, createTestContainer, runId, testDocker, waitFor } from './support/engine'

const TOKEN = 'integration-token-1234'
const docker = testDocker()
let app: BrowserMode
let base: string

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wharf-renderer-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
  app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root })
  base = `http://127.0.0.1:${app.port}`
})
afterAll(async () => {
  await app.close()
  await cleanup(docker)
})

async function sessionCookie(): Promise<string> {
  const res = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' })
  expect(res.status).toBe(302)
  expect(res.headers.get('location')).toBe('/')
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/HttpOnly/)
  expect(cookie).toMatch(/SameSite=Strict/)
  expect(cookie).not.toContain(TOKEN)
  return cookie.split(';')[0]
}

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${app.port}/api`, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

/** One contract call on the startup engine over the page's WebSocket, as the renderer makes it. */
async function call(method: string, input: unknown): Promise<ServerMessage> {
  const ws = await connect({ cookie: await sessionCookie(), origin: base })
  try {
    ws.send(JSON.stringify({ t: 'call', id: 1, method, input, engine: 'local' }))
    return await nextMessage(ws, (m) => m.t === 'result' && m.id === 1)
  } finally {
    ws.close()
  }
}

/** A transfer ticket from the contract; throws with main's refusal. */
async function ticket(method: 'transfers.download' | 'transfers.upload', input: unknown): Promise<string> {
  const reply = await call(method, input)
  if (reply.t !== 'result' || !reply.ok) throw new Error(JSON.stringify(reply))
  return (reply.result as { ticket: string }).ticket
}

function nextMessage(ws: WebSocket, match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (raw: WebSocket.RawData): void => {
      const m = JSON.parse((raw as Buffer).toString('utf8')) as ServerMessage
      if (match(m)) {
        ws.off('message', onMessage)
        resolve(m)
      }
    }
    ws.on('message', onMessage)
  })
}

describe('browser mode access', () => {
  it('refuses pages and assets without the token', async () => {
    for (const path of ['/', '/index.html', '/assets/x.js', '/?token=wrong-token-000']) {
      expect((await fetch(base + path, { redirect: 'manual' })).status).toBe(403)
    }
  })

  it('trades the token for a session cookie and serves the app with it', async () => {
    const cookie = await sessionCookie()
    const page = await fetch(`${base}/`, { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    expect(await page.text()).toContain('<title>Wharf</title>')
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin even with the cookie', async () => {
    const cookie = await sessionCookie()
    const http = await import('node:http')
    const status = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: app.port, path: '/', headers: { cookie, host: `evil.example:${app.port}` } }, (res) =>
        resolve(res.statusCode ?? 0),
      )
    })
    expect(status).toBe(403)
    await expect(connect({ cookie, origin: 'http://evil.example' })).rejects.toThrow(/403/)
    await expect(connect({})).rejects.toThrow(/403/)
  })

  it('takes uploads only from the page: a ticket from the API, then cookie, Origin and the upload header all required', async () => {
    const cookie = await sessionCookie()
    const volume = `wharf-it-${Date.now().toString(36)}-upl`
    // Labelled with the run: removed in afterAll, once closing the app has removed its helper.
    await docker.createVolume({ Name: volume, Labels: { 'wharf.test': runId } })
    const target = { kind: 'volume', name: volume }
    const url = `${base}/upload/${await ticket('transfers.upload', { kind: 'files', target, dir: '', file: 'a.txt', size: 5 })}`
    const post = (headers: Record<string, string>, to = url) => fetch(to, { method: 'POST', body: 'hello', headers })
    expect((await post({ origin: base, 'x-wharf-upload': '1' })).status).toBe(403)
    expect((await post({ cookie, origin: base })).status).toBe(403)
    expect((await post({ cookie, origin: 'http://evil.example', 'x-wharf-upload': '1' })).status).toBe(403)
    // What the page used to post to, and a made-up ticket, start nothing.
    const forged = `${base}/upload/files?kind=volume&name=${volume}&dir=&file=b.txt`
    expect((await post({ cookie, origin: base, 'x-wharf-upload': '1' }, forged)).status).toBe(404)
    expect((await post({ cookie, origin: base, 'x-wharf-upload': '1' }, `${base}/upload/${'A'.repeat(32)}`)).status).toBe(404)
    for (const bad of [
      { dir: '..', file: 'a.txt' },
      { dir: '', file: '../x' },
    ]) {
      const refused = await call('transfers.upload', { kind: 'files', target, size: 5, ...bad })
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(JSON.stringify(refused)).toMatch(/climbs out/)
    }
    const good = await post({ cookie, origin: base, 'x-wharf-upload': '1' })
    expect(await good.json()).toEqual({ ok: true, result: { path: 'a.txt' } })
    // A ticket is spent once used.
    expect((await post({ cookie, origin: base, 'x-wharf-upload': '1' })).status).toBe(404)
    const back = await fetch(`${base}/download/${await ticket('transfers.download', { kind: 'files', target, path: 'a.txt' })}`, {
      headers: { cookie },
    })
    expect(back.headers.get('content-length')).toBe('5')
    expect(await back.text()).toBe('hello')
  })

  it('does not serve files outside the renderer folder', async () => {
    const cookie = await sessionCookie()
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const res = await fetch(base + path, { headers: { cookie } })
      expect(await res.text()).not.toContain('"name": "wharf"')
    }
  })
})

describe('the WebSocket API', () => {
  it('answers calls and streams events', async () => {
    const ws = await connect({ cookie: await sessionCookie(), origin: base })
    ws.send(JSON.stringify({ t: 'sub', id: 1, stream: 'containers.changed', input: {}, engine: 'local' }))
    ws.send(JSON.stringify({ t: 'call', id: 2, method: 'containers.list', input: {}, engine: 'local' }))
    const result = await nextMessage(ws, (m) => m.t === 'result' && m.id === 2)
    expect(result).toMatchObject({ ok: true })
    const c = await createTestContainer(docker)
    const event = await nextMessage(ws, (m) => m.t === 'event' && m.id === 1)
    expect(JSON.stringify(event)).toContain(c.id)
    ws.close()
  })

  it('survives malformed messages and keeps answering', async () => {
    const ws = await connect({ cookie: await sessionCookie(), origin: base })
    const errors: ServerMessage[] = []
    ws.on('message', (raw) => {
      const m = JSON.parse((raw as Buffer).toString('utf8')) as ServerMessage
      if (m.t === 'protocol-error') errors.push(m)
    })
    const junk = [
      'not json',
      '{"t":"call"}',
      '[]',
      'null',
      '{"t":"sub","id":-1,"stream":"x","input":{}}',
      JSON.stringify({ t: 'call', id: 1, method: 'x'.repeat(500), input: {} }),
    ]
    for (const j of junk) ws.send(j)
    ws.send(Buffer.from([0xff, 0x00, 0x01]), { binary: true })
    await waitFor(() => errors.length === junk.length + 1, 'a protocol error for each bad message')
    ws.send(JSON.stringify({ t: 'call', id: 7, method: 'containers.stop', input: { id: '$(reboot)' }, engine: 'local' }))
    const bad = await nextMessage(ws, (m) => m.t === 'result' && m.id === 7)
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    ws.send(JSON.stringify({ t: 'call', id: 8, method: 'engine.status', input: {}, engine: 'local' }))
    expect(await nextMessage(ws, (m) => m.t === 'result' && m.id === 8)).toMatchObject({ ok: true, result: { state: 'connected' } })
    // An engine's call that names no engine, or one that does not exist, is refused; an app-wide one must not name one.
    ws.send(JSON.stringify({ t: 'call', id: 9, method: 'containers.list', input: {} }))
    expect(await nextMessage(ws, (m) => m.t === 'result' && m.id === 9)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/Say which engine/) as unknown },
    })
    ws.send(JSON.stringify({ t: 'call', id: 10, method: 'containers.list', input: {}, engine: 'gone' }))
    expect(await nextMessage(ws, (m) => m.t === 'result' && m.id === 10)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    ws.send(JSON.stringify({ t: 'call', id: 11, method: 'tasks.list', input: {}, engine: 'local' }))
    expect(await nextMessage(ws, (m) => m.t === 'result' && m.id === 11)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    ws.close()
  })

  it('ends its subscriptions when the socket closes', async () => {
    const listeners = app.app.engines.require('local').connection.statusChanged
    const before = listeners.size
    const ws = await connect({ cookie: await sessionCookie(), origin: base })
    ws.send(JSON.stringify({ t: 'sub', id: 1, stream: 'engine.status', input: {}, engine: 'local' }))
    await nextMessage(ws, (m) => m.t === 'event')
    expect(listeners.size).toBe(before + 1)
    ws.close()
    await waitFor(() => listeners.size === before, 'the subscription to end')
  })
})

describe('log download', () => {
  it('streams the whole log as a file, with a one-time ticket and the session cookie', async () => {
    const c = await createTestContainer(docker, { cmd: ['sh', '-c', 'echo first; echo oops >&2; echo "<b>last</b>"'] })
    await c.start()
    await c.wait()
    const name = (await c.inspect()).Name.slice(1)
    const url = `${base}/download/${await ticket('transfers.download', { kind: 'logs', id: name, timestamps: false })}`
    expect((await fetch(url)).status).toBe(403)
    const cookie = await sessionCookie()
    // The old address, which any same-site page could load with the cookie, starts nothing now.
    expect((await fetch(`${base}/download/logs/${name}`, { headers: { cookie } })).status).toBe(404)
    const res = await fetch(url, { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}.log"`)
    const text = await res.text()
    expect(text.split('\n').sort()).toEqual(['', '<b>last</b>', 'first', 'oops'])
    expect((await fetch(url, { headers: { cookie } })).status).toBe(404)
    const stamped = `${base}/download/${await ticket('transfers.download', { kind: 'logs', id: name, timestamps: true })}`
    expect(await (await fetch(stamped, { headers: { cookie } })).text()).toMatch(/^\d{4}-\d\d-\d\dT\S+Z first$/m)
  })

  it('answers 404 for a missing container, and refuses a hostile id before any ticket', async () => {
    const cookie = await sessionCookie()
    const missing = await fetch(
      `${base}/download/${await ticket('transfers.download', { kind: 'logs', id: 'wharf-no-such-container', timestamps: false })}`,
      { headers: { cookie } },
    )
    expect(missing.status).toBe(404)
    expect(await missing.text()).toMatch(/No such container/)
    expect(await call('transfers.download', { kind: 'logs', id: '../etc/passwd', timestamps: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect((await fetch(`${base}/download/volumes/x`, { headers: { cookie } })).status).toBe(404)
  })
})
