import { describe, expect, it } from 'vitest'
import { logTimeAfter, logTimeToUnix } from './logTime'

describe('log times', () => {
  it('converts RFC 3339 nanosecond times to Unix seconds without losing nanoseconds', () => {
    expect(logTimeToUnix('2026-12-01T19:41:33.123456789Z')).toBe('1796154093.123456789')
    expect(logTimeToUnix('2026-12-01T19:41:33Z')).toBe('1796154093.000000000')
    expect(logTimeToUnix('yesterday')).toBeUndefined()
  })

  it('names the nanosecond after a line, carrying into the seconds', () => {
    expect(logTimeAfter('2026-12-01T19:41:33.123456789Z')).toBe('1796154093.123456790')
    expect(logTimeAfter('2026-12-01T19:41:33.999999999Z')).toBe('1796154094.000000000')
    expect(logTimeAfter('2026-12-01T19:41:33.5Z')).toBe('1796154093.500000001')
  })
})
