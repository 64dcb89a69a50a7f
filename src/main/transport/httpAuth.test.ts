import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { allowedHostsFor, checkHostAndOrigin, isAuthenticated, readCookie, sessionCookie, sessionValue } from './httpAuth'

const config = { token: 'secret-token', allowedHosts: allowedHostsFor('127.0.0.1', 7800) }
const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage

describe('httpAuth', () => {
  it('allows loopback host names on the bound port only', () => {
    expect([...config.allowedHosts].sort()).toEqual(['127.0.0.1:7800', '[::1]:7800', 'localhost:7800'])
    expect(checkHostAndOrigin(req({ host: '127.0.0.1:7800' }), config).ok).toBe(true)
    expect(checkHostAndOrigin(req({ host: 'attacker.example:7800' }), config).ok).toBe(false)
    expect(checkHostAndOrigin(req({ host: '127.0.0.1:7800', origin: 'http://attacker.example' }), config).ok).toBe(false)
    expect(checkHostAndOrigin(req({ host: '127.0.0.1:7800', origin: 'http://127.0.0.1:7800' }), config).ok).toBe(true)
  })

  it('accepts the session cookie or a bearer token, nothing else', () => {
    const cookie = sessionCookie('secret-token').split(';')[0]
    expect(isAuthenticated(req({ cookie: `a=b; ${cookie}` }), config)).toBe(true)
    expect(isAuthenticated(req({ authorization: 'Bearer secret-token' }), config)).toBe(true)
    expect(isAuthenticated(req({ cookie: 'wharf_session=secret-token' }), config)).toBe(false)
    expect(isAuthenticated(req({ authorization: 'Bearer nope' }), config)).toBe(false)
    expect(isAuthenticated(req({}), config)).toBe(false)
    expect(sessionValue('secret-token')).not.toContain('secret-token')
  })

  it('reads cookies by exact name', () => {
    expect(readCookie('x_wharf_session=1; wharf_session=2', 'wharf_session')).toBe('2')
    expect(readCookie(undefined, 'a')).toBeUndefined()
  })
})
