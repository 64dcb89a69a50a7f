import { isMethodName, methodScope } from '../../../src/shared/contract'
import type { IncomingHttpHeaders } from 'node:http'
import { expect } from 'vitest'
import WebSocket from 'ws'
import type { ServerMessage } from '../../../src/shared/protocol'

/** What a browser does against browser mode: trade the token for a cookie, open the API socket, call, ask for tickets. */
export interface BrowserClient {
  sessionCookie(): Promise<string>
  /** `deflate: false`: without per-message deflate, so each message is written the moment it is sent. */
  connect(headers: Record<string, string>, options?: { deflate?: boolean }): Promise<WebSocket>
  call(method: string, input: unknown): Promise<ServerMessage>
  ticket(method: 'transfers.download' | 'transfers.upload', input: unknown): Promise<string>
}

export function browserClient(base: string, token: string): BrowserClient {
  const port = new URL(base).port
  async function sessionCookie(): Promise<string> {
    const res = await fetch(`${base}/?token=${token}`, { redirect: 'manual' })
    // A page that replaces itself with the app (see tokenLanding.ts), never cached.
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.text()).toContain("location.replace('/')")
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).not.toContain(token)
    return cookie.split(';')[0]
  }
  function connect(headers: Record<string, string>, { deflate = true } = {}): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api`, { headers, perMessageDeflate: deflate })
      ws.once('open', () => resolve(ws))
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
      ws.once('error', reject)
    })
  }
  /** One contract call over the page's WebSocket, as the renderer makes it. */
  async function call(method: string, input: unknown): Promise<ServerMessage> {
    const ws = await connect({ cookie: await sessionCookie(), origin: base })
    try {
      // Engine calls act on the engine the server started with; app-wide ones name none.
      const engine = isMethodName(method) && methodScope(method) === 'app' ? undefined : 'local'
      ws.send(JSON.stringify({ t: 'call', id: 1, method, input, engine }))
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
  return { sessionCookie, connect, call, ticket }
}

export function nextMessage(ws: WebSocket, match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
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

/** Fails with `what` when `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

/** The session cookie a response sets, as a request sends it back. */
export function cookieFrom(headers: IncomingHttpHeaders): string {
  const set = headers['set-cookie']?.[0] ?? ''
  expect(set).toMatch(/^wharf_session=/)
  return set.split(';')[0]
}
