import { describe, expect, it } from 'vitest'
import { exposureProblem, isLoopback, parseServerArgs, usage } from './serverArgs'

describe('parseServerArgs', () => {
  it('reads the documented options in both spellings', () => {
    expect(parseServerArgs(['--port', '7801', '--token', 'abcdefgh', '--engine=unix:///x.sock'])).toEqual({
      port: 7801,
      host: '127.0.0.1',
      token: 'abcdefgh',
      engine: 'unix:///x.sock',
      hostShell: true,
      insecure: false,
      help: false,
    })
    expect(parseServerArgs(['--no-host-shell']).hostShell).toBe(false)
    expect(parseServerArgs(['--port=0']).port).toBe(0)
    expect(parseServerArgs(['--tls-cert', 'c.pem', '--tls-key=k.pem']).tls).toEqual({ certFile: 'c.pem', keyFile: 'k.pem' })
  })

  it('makes a fresh random token when none is given', () => {
    const a = parseServerArgs([]).token
    expect(a.length).toBeGreaterThanOrEqual(24)
    expect(parseServerArgs([]).token).not.toBe(a)
  })

  it('says what is wrong with bad options', () => {
    expect(() => parseServerArgs(['--port', 'x'])).toThrow(/--port takes a number/)
    expect(() => parseServerArgs(['--port'])).toThrow(/needs a value/)
    expect(() => parseServerArgs(['--token', 'short'])).toThrow(/at least 8/)
    expect(() => parseServerArgs(['--frobnicate'])).toThrow(/Unknown option "--frobnicate"/)
    expect(() => parseServerArgs(['--insecure=yes'])).toThrow(/--insecure takes no value/)
    expect(() => parseServerArgs(['--tls-cert', 'c.pem'])).toThrow(/--tls-cert and --tls-key go together/)
    expect(() => parseServerArgs(['--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--insecure'])).toThrow(/leave it out/)
    expect(() => parseServerArgs(['--host-shell', '--no-host-shell'])).toThrow(/contradict/)
  })

  it('refuses a non-loopback --host without TLS or --insecure, saying how to go on', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'wharf.example']) {
      expect(() => parseServerArgs(['--host', host])).toThrow(
        /reachable from other machines.*--tls-cert FILE and --tls-key FILE.*--insecure/,
      )
    }
    expect(parseServerArgs(['--host', '0.0.0.0', '--insecure']).insecure).toBe(true)
    expect(parseServerArgs(['--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key', 'k.pem']).tls).toBeDefined()
    expect(parseServerArgs(['--host', '127.0.0.2']).host).toBe('127.0.0.2')
    expect(parseServerArgs(['--host', '::1']).host).toBe('::1')
  })

  it('turns the host shell off by default off loopback, on with --host-shell', () => {
    expect(parseServerArgs([]).hostShell).toBe(true)
    expect(parseServerArgs(['--host', 'localhost']).hostShell).toBe(true)
    expect(parseServerArgs(['--host', '0.0.0.0', '--insecure']).hostShell).toBe(false)
    expect(parseServerArgs(['--host', '0.0.0.0', '--insecure', '--host-shell']).hostShell).toBe(true)
    expect(parseServerArgs(['--host', '10.0.0.5', '--tls-cert', 'c', '--tls-key', 'k', '--no-host-shell']).hostShell).toBe(false)
  })

  it('still answers --help whatever else is given', () => {
    expect(parseServerArgs(['--host', '0.0.0.0', '--help']).help).toBe(true)
    for (const flag of ['--tls-cert', '--tls-key', '--insecure', '--host-shell', '--no-host-shell']) expect(usage).toContain(flag)
  })

  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('0.0.0.0')).toBe(false)
    expect(exposureProblem('127.0.0.1', false, false)).toBeUndefined()
  })
})
