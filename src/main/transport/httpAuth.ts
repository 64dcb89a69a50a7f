/**
 * Who may talk to browser mode. A URL with the token sets an HttpOnly, SameSite=Strict
 * session cookie and redirects to a clean URL, so the token does not linger in the
 * address bar or history. Every other request — page, asset or WebSocket upgrade —
 * needs that cookie (or `Authorization: Bearer <token>` for scripts), a Host header
 * naming this server (against DNS rebinding) and, when an Origin is sent, our own origin.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const COOKIE_NAME = 'wharf_session'

export interface AuthConfig {
  token: string
  /** host:port values a legitimate request may carry in its Host header. */
  allowedHosts: Set<string>
}

export function allowedHostsFor(host: string, port: number): Set<string> {
  const names = new Set([host, '127.0.0.1', 'localhost', '[::1]'])
  if (host === '0.0.0.0' || host === '::') names.delete(host)
  return new Set([...names].map((name) => `${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`))
}

/** The cookie value: derived from the token so the token itself never sits in a cookie. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('wharf-session').digest('hex')
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
  if (origin !== undefined && origin !== `http://${host}`) return { ok: false, reason: `Origin "${origin}" is not allowed` }
  return { ok: true }
}

/** Who sent the request — a session, or a script holding the token — or undefined when nobody we know. */
export function principalOf(req: IncomingMessage, config: AuthConfig): string | undefined {
  const cookie = readCookie(req.headers.cookie, COOKIE_NAME)
  if (cookie && safeEqual(cookie, sessionValue(config.token))) return 'session'
  const auth = req.headers.authorization
  return auth !== undefined && auth.startsWith('Bearer ') && safeEqual(auth.slice(7), config.token) ? 'bearer' : undefined
}

export function isAuthenticated(req: IncomingMessage, config: AuthConfig): boolean {
  return principalOf(req, config) !== undefined
}

export function tokenFromUrl(url: URL, config: AuthConfig): boolean {
  const given = url.searchParams.get('token')
  return given !== null && safeEqual(given, config.token)
}

export function sessionCookie(token: string): string {
  return `${COOKIE_NAME}=${sessionValue(token)}; HttpOnly; SameSite=Strict; Path=/`
}
