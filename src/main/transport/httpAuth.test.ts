import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { allowedHostsFor, BEARER, checkHostAndOrigin, principalOf, readCookie, sessionCookie, type AuthConfig } from './httpAuth'
import { SessionStore } from './sessions'

const config = (secure = false): AuthConfig => ({
  token: 'secret-token',
  allowedHosts: allowedHostsFor('127.0.0.1', 7800),
  sessions: new SessionStore(),
  secure,
})
const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage

describe('httpAuth', () => {
  it('allows loopback host names on the bound port only, and our own origin', () => {
    const plain = config()
    expect([...plain.allowedHosts].sort()).toEqual(['127.0.0.1:7800', '[::1]:7800', 'localhost:7800'])
    expect(checkHostAndOrigin(req({ host: '127.0.0.1:7800' }), plain).ok).toBe(true)
    expect(checkHostAndOrigin(req({ host: 'attacker.example:7800' }), plain).ok).toBe(false)
    expect(checkHostAndOrigin(req({ host: '127.0.0.1:7800', origin: 'http://attacker.example' }), plain).ok).toBe(false)
    expect(checkHostAndOrigin(req({ host: '127.0.0.1:7800', origin: 'http://127.0.0.1:7800' }), plain).ok).toBe(true)
    // Over TLS the page's origin is https:.
    expect(checkHostAndOrigin(req({ host: '127.0.0.1:7800', origin: 'http://127.0.0.1:7800' }), config(true)).ok).toBe(false)
    expect(checkHostAndOrigin(req({ host: '127.0.0.1:7800', origin: 'https://127.0.0.1:7800' }), config(true)).ok).toBe(true)
  })

  it('accepts a live session cookie or a bearer token, nothing else', () => {
    const c = config()
    const value = c.sessions.create()
    const cookie = sessionCookie(value, false).split(';')[0]
    expect(principalOf(req({ cookie: `a=b; ${cookie}` }), c)).toMatch(/^[0-9a-f]{64}$/)
    expect(principalOf(req({ authorization: 'Bearer secret-token' }), c)).toBe(BEARER)
    expect(principalOf(req({ cookie: 'wharf_session=secret-token' }), c)).toBeUndefined()
    expect(principalOf(req({ authorization: 'Bearer nope' }), c)).toBeUndefined()
    expect(principalOf(req({}), c)).toBeUndefined()
    expect(value).not.toContain('secret-token')
    // A session of another server (a restart) is unknown here.
    expect(principalOf(req({ cookie }), config())).toBeUndefined()
  })

  it('marks the cookie Secure over TLS only', () => {
    expect(sessionCookie('v', false)).toBe('wharf_session=v; HttpOnly; SameSite=Strict; Path=/')
    expect(sessionCookie('v', true)).toBe('wharf_session=v; HttpOnly; SameSite=Strict; Path=/; Secure')
  })

  it('reads cookies by exact name', () => {
    expect(readCookie('x_wharf_session=1; wharf_session=2', 'wharf_session')).toBe('2')
    expect(readCookie(undefined, 'a')).toBeUndefined()
  })
})
