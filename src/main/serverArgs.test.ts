import { describe, expect, it } from 'vitest'
import { isLoopback, parseServerArgs } from './serverArgs'

describe('parseServerArgs', () => {
  it('reads the documented options in both spellings', () => {
    expect(parseServerArgs(['--port', '7801', '--token', 'abcdefgh', '--engine=unix:///x.sock'])).toEqual({
      port: 7801,
      host: '127.0.0.1',
      token: 'abcdefgh',
      engine: 'unix:///x.sock',
      hostShell: true,
      help: false,
    })
    expect(parseServerArgs(['--no-host-shell']).hostShell).toBe(false)
    expect(parseServerArgs(['--port=0']).port).toBe(0)
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
  })

  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('0.0.0.0')).toBe(false)
  })
})
