/**
 * Sessions in browser mode: the token buys a new random session each time, kept in the
 * server's memory only. A restart with the same --token refuses every earlier cookie,
 * and a session unused for its lifetime ends, closing its API sockets.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBrowserMode, type BrowserMode, type BrowserModeOptions } from '../../src/main/browserMode'
import { within } from './support/browserClient'

const TOKEN = 'integration-token-sessions'
const root = mkdtempSync(join(tmpdir(), 'wharf-renderer-'))
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Wharf</title>')
const running: BrowserMode[] = []
afterEach(async () => {
  for (const app of running.splice(0)) await app.close()
})

async function start(options: Partial<BrowserModeOptions> = {}): Promise<{ app: BrowserMode; base: string }> {
  const app = await startBrowserMode({ port: 0, host: '127.0.0.1', token: TOKEN, rendererRoot: root, ...options })
  running.push(app)
  return { app, base: `http://127.0.0.1:${app.port}` }
}

/** What the browser keeps after opening the token URL, however the server answers it. */
async function cookieFor(base: string): Promise<string> {
  const res = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' })
  return (res.headers.get('set-cookie') ?? '').split(';')[0]
}

const page = async (base: string, cookie: string): Promise<number> => (await fetch(`${base}/`, { headers: { cookie } })).status

function upgrade(base: string, cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api`, { headers: { cookie, origin: base } })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

describe('browser-mode sessions', () => {
  it('refuses a cookie from before a restart with the same --token', async () => {
    const first = await start()
    const old = await cookieFor(first.base)
    expect(await page(first.base, old)).toBe(200)
    await first.app.close()
    running.splice(0)
    const second = await start()
    expect(await page(second.base, old)).toBe(403)
    await expect(upgrade(second.base, old)).rejects.toThrow(/403/)
    const fresh = await cookieFor(second.base)
    expect(fresh).not.toBe(old)
    expect(await page(second.base, fresh)).toBe(200)
  })

  it('gives each opening of the token URL a session of its own', async () => {
    const { base } = await start()
    const a = await cookieFor(base)
    const b = await cookieFor(base)
    expect(a).not.toBe(b)
    expect(await page(base, a)).toBe(200)
    expect(await page(base, b)).toBe(200)
  })

  it('ends a session unused for its lifetime; using it pushes the end back', async () => {
    let now = Date.now()
    const { base } = await start({ sessions: { ttlMs: 60_000, now: () => now } })
    const cookie = await cookieFor(base)
    now += 59_000
    expect(await page(base, cookie)).toBe(200)
    now += 59_000
    expect(await page(base, cookie)).toBe(200)
    now += 60_001
    expect(await page(base, cookie)).toBe(403)
    await expect(upgrade(base, cookie)).rejects.toThrow(/403/)
  })

  it('closes the API socket of a session that ended', async () => {
    let now = Date.now()
    const { base } = await start({ sessions: { ttlMs: 60_000, now: () => now, sweepMs: 50 } })
    const ws = await upgrade(base, await cookieFor(base))
    const closed = new Promise((resolve) => ws.once('close', resolve))
    now += 60_001
    await within(closed, 2_000, 'the socket of the ended session to close')
  })
})
