import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net, { type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { startBrowserMode, type BrowserMode } from '../../src/main/browserMode'
import type { ServerMessage } from '../../src/shared/protocol'
import { cleanup, createTestContainer, runId, testDocker, waitFor } from './support/engine'
import { browserClient, cookieFrom, nextMessage, within, type BrowserClient } from './support/browserClient'
import { freshGet, idleFlood } from './support/flood'

const TOKEN = 'integration-token-1234'
const docker = testDocker()
let app: BrowserMode
let base: string

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'wharf-renderer-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'assets/index-AbC_12-z.js'), 'export {}')
  writeFileSync(join(root, 'assets/unhashed.js'), 'export {}')
  app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root })
  base = `http://127.0.0.1:${app.port}`
  client = browserClient(base, TOKEN)
})
afterAll(async () => {
  await app.close()
  await cleanup(docker)
})

let client: BrowserClient
const sessionCookie = (): Promise<string> => client.sessionCookie()
const connect = (headers: Record<string, string>): Promise<WebSocket> => client.connect(headers)
const call = (method: string, input: unknown): Promise<ServerMessage> => client.call(method, input)
const ticket = (method: 'transfers.download' | 'transfers.upload', input: unknown): Promise<string> => client.ticket(method, input)

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

  it('lets the browser keep hashed assets, and never the page or anything else', async () => {
    const cookie = await sessionCookie()
    const cacheControl = async (path: string) => (await fetch(base + path, { headers: { cookie } })).headers.get('cache-control')
    expect(await cacheControl('/assets/index-AbC_12-z.js')).toBe('private, max-age=31536000, immutable')
    for (const path of ['/', '/index.html', '/assets/unhashed.js', '/assets/missing-AbC_12-z.js', '/some/route']) {
      expect(await cacheControl(path)).toBe('no-store')
    }
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin even with the cookie', async () => {
    const cookie = await sessionCookie()
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

  it("sends stats samples in batches, and a stream's samples before its end", async () => {
    const c = await createTestContainer(docker, { start: true })
    const ws = await connect({ cookie: await sessionCookie(), origin: base })
    const frames: ServerMessage[] = []
    ws.on('message', (raw, binary) => {
      if (!binary) frames.push(JSON.parse((raw as Buffer).toString('utf8')) as ServerMessage)
    })
    const samplesOf = (id: number): number =>
      frames.reduce((n, m) => n + (m.t === 'events' ? m.events.filter(([sub]) => sub === id).length : 0), 0)
    ws.send(JSON.stringify({ t: 'sub', id: 1, stream: 'containers.stats', input: { id: c.id }, engine: 'local' }))
    await waitFor(() => samplesOf(1) >= 3, 'three stats samples', 15_000)
    expect(frames.some((m) => m.t === 'event')).toBe(false)
    ws.send(JSON.stringify({ t: 'unsub', id: 1 }))
    // Coming back: main replays the samples it kept, and they leave in one message, not one each.
    ws.send(JSON.stringify({ t: 'sub', id: 2, stream: 'containers.stats', input: { id: c.id }, engine: 'local' }))
    await waitFor(() => samplesOf(2) > 0, 'the kept samples')
    const first = frames.find((m) => m.t === 'events' && m.events.some(([sub]) => sub === 2))
    expect(first?.t === 'events' && first.events.filter(([sub]) => sub === 2).length).toBeGreaterThanOrEqual(3)
    // The container stops: its stream ends, after every sample it sent.
    await c.kill()
    await waitFor(() => frames.some((m) => m.t === 'end' && m.id === 2), 'the end of the stream')
    const end = frames.findIndex((m) => m.t === 'end' && m.id === 2)
    expect(frames.slice(end).some((m) => m.t === 'events' && m.events.some(([sub]) => sub === 2))).toBe(false)
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

describe('stopping', () => {
  it("closes the pages' sockets without first telling them their engines were removed", async () => {
    const root = mkdtempSync(join(tmpdir(), 'wharf-renderer-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'assets/index-AbC_12-z.js'), 'export {}')
    writeFileSync(join(root, 'assets/unhashed.js'), 'export {}')
    const stopping = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root })
    const origin = `http://127.0.0.1:${stopping.port}`
    const page = browserClient(origin, TOKEN)
    // Uncompressed, every message leaves the moment it is sent, as it would reach a page before its socket closes.
    const ws = await page.connect({ cookie: await page.sessionCookie(), origin }, { deflate: false })
    const lists: string[][] = []
    ws.on('message', (raw) => {
      const m = JSON.parse((raw as Buffer).toString('utf8')) as ServerMessage
      if (m.t === 'event' && m.id === 1) lists.push((m.data as { id: string }[]).map((e) => e.id))
    })
    ws.send(JSON.stringify({ t: 'sub', id: 1, stream: 'engines.changed', input: {} }))
    await waitFor(() => lists.length > 0, 'the engines list')
    const closed = new Promise((resolve) => ws.once('close', resolve))
    await stopping.close()
    await closed
    // A page told "no engines" would say its engine no longer exists, instead of that the server went away.
    expect(lists.every((ids) => ids.includes('local'))).toBe(true)
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

describe('lock-out by connections without a token', () => {
  it('600 idle or half-sent connections, reopened as fast as they close, lock neither the page nor the API out', async () => {
    const flood = idleFlood(app.port, { silent: 300, partial: 300, reconnect: true, maxConnections: 6_000, maxMs: 20_000 })
    try {
      await flood.opened
      const started = Date.now()
      // A user opens the printed address while the attack goes on, each request on a connection of its own.
      const landing = await freshGet(app.port, `/?token=${TOKEN}`, {}, 2_000)
      const cookie = cookieFrom(landing.headers)
      const page = await freshGet(app.port, '/', { cookie }, 2_000)
      expect(page.status).toBe(200)
      expect(page.body).toContain('<title>Wharf</title>')
      const ws = await within(connect({ cookie, origin: base }), 2_000, 'the API socket')
      try {
        ws.send(JSON.stringify({ t: 'call', id: 1, method: 'engine.status', input: {}, engine: 'local' }))
        const reply = await within(
          nextMessage(ws, (m) => m.t === 'result' && m.id === 1),
          2_000,
          'an API call',
        )
        expect(reply).toMatchObject({ ok: true, result: { state: 'connected' } })
      } finally {
        ws.close()
      }
      expect(Date.now() - started).toBeLessThan(5_000)
      // The attack really went on: the server closed connections and they came back.
      expect(flood.made()).toBeGreaterThan(600)
    } finally {
      flood.stop()
    }
    await waitFor(() => app.stats().untrusted === 0, 'the attack connections to be gone', 5_000)
  })

  it('closes connections that never send a byte within seconds, and those that send half a request', async () => {
    const flood = idleFlood(app.port, { silent: 20, partial: 20, reconnect: false, maxConnections: 40, maxMs: 15_000 })
    try {
      await flood.opened
      const started = Date.now()
      await waitFor(() => flood.open() === 0, 'the server to close every idle connection', 8_000)
      expect(Date.now() - started).toBeLessThan(6_000)
    } finally {
      flood.stop()
    }
  })

  it('closes an authenticated keep-alive connection once it is idle', async () => {
    const cookie = await sessionCookie()
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const socket = await new Promise<Socket>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: app.port, path: '/', headers: { cookie }, agent }, (res) => {
            const kept = res.socket
            res.resume()
            res.on('end', () => resolve(kept))
          })
          .on('error', reject)
      })
      const started = Date.now()
      await within(new Promise((resolve) => socket.once('close', resolve)), 8_000, 'the idle keep-alive connection to close')
      expect(Date.now() - started).toBeLessThan(7_000)
    } finally {
      agent.destroy()
    }
  })

  it('closes refused WebSocket upgrades that their client keeps half-open', async () => {
    const held = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<Socket>((resolve) => {
            const socket = net.connect({ port: app.port, host: '127.0.0.1', allowHalfOpen: true }, () =>
              socket.write(
                `GET /api HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
                  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
              ),
            )
            // Answered 403, or turned away at the door (the old server's cap): either way it is held.
            socket.once('data', (d: Buffer) => {
              expect(d.toString()).toMatch(/^HTTP\/1.1 403/)
              resolve(socket)
            })
            socket.once('close', () => resolve(socket))
            socket.on('error', () => undefined)
          }),
      ),
    )
    try {
      // Held past the old 32-connection cap, they kept everyone else out.
      const cookie = await sessionCookie()
      expect((await freshGet(app.port, '/', { cookie }, 2_000)).status).toBe(200)
      await waitFor(() => app.stats().untrusted === 0, 'the server to close the refused sockets', 1_500)
    } finally {
      for (const socket of held) socket.destroy()
    }
  })
})
