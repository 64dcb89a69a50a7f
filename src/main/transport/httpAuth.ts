/**
 * Who may talk to browser mode. A URL with the token starts a session (sessions.ts): an
 * HttpOnly, SameSite=Strict cookie, Secure over TLS, set by a tiny page that replaces
 * itself with the app (tokenLanding.ts), so the token leaves the address bar and the
 * tab's history. Every other request — page, asset or WebSocket upgrade — needs a live
 * session (or `Authorization: Bearer <token>` for scripts), a Host header naming this
 * server (against DNS rebinding) and, when an Origin is sent, our own origin.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { SessionStore } from './sessions'

export const COOKIE_NAME = 'wharf_session'
/** The principal of requests that carry the token itself (scripts), not a session. */
export const BEARER = 'bearer'

export interface AuthConfig {
  token: string
  /** host:port values a legitimate request may carry in its Host header. */
  allowedHosts: Set<string>
  sessions: SessionStore
  /** Served over TLS: origins are https:, the cookie is Secure. */
  secure: boolean
}

export function allowedHostsFor(host: string, port: number): Set<string> {
  const names = new Set([host, '127.0.0.1', 'localhost', '[::1]'])
  if (host === '0.0.0.0' || host === '::') names.delete(host)
  return new Set([...names].map((name) => `${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`))
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export type Verdict = { ok: true } | { ok: false; reason: string }

export function checkHostAndOrigin(req: IncomingMessage, config: AuthConfig): Verdict {
  const host = req.headers.host ?? ''
  if (!config.allowedHosts.has(host)) return { ok: false, reason: `Host "${host}" is not this server` }
  const origin = req.headers.origin
  const own = `${config.secure ? 'https' : 'http'}://${host}`
  if (origin !== undefined && origin !== own) return { ok: false, reason: `Origin "${origin}" is not allowed` }
  return { ok: true }
}

/**
 * Who sent the request: a live session's key (its expiry pushed back), BEARER for a
 * script holding the token, or undefined.
 */
export function principalOf(req: IncomingMessage, config: AuthConfig): string | undefined {
  const cookie = readCookie(req.headers.cookie, COOKIE_NAME)
  const session = cookie ? config.sessions.use(cookie) : undefined
  if (session) return session
  const auth = req.headers.authorization
  return auth !== undefined && auth.startsWith('Bearer ') && safeEqual(auth.slice(7), config.token) ? BEARER : undefined
}

export function tokenFromUrl(url: URL, config: AuthConfig): boolean {
  const given = url.searchParams.get('token')
  return given !== null && safeEqual(given, config.token)
}

/** The Set-Cookie value for a new session; no Max-Age: the server ends sessions, the browser forgets it on exit. */
export function sessionCookie(value: string, secure: boolean): string {
  return `${COOKIE_NAME}=${value}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`
}
