import { describe, expect, it } from 'vitest'
import { formatBytes } from './format'

describe('formatBytes', () => {
  it('labels 1024-based sizes as binary units (KiB, MiB, GiB), not KB/MB/GB', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1000)).toBe('1000 B')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(324 * 1024)).toBe('324 KiB')
    expect(formatBytes(1.9 * 1024 ** 2)).toBe('1.9 MiB')
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB')
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.0 TiB')
  })

  it('moves to the next unit rather than print 1024 of one', () => {
    expect(formatBytes(1024 * 1024 - 100)).toBe('1.0 MiB')
    expect(formatBytes(1023)).toBe('1023 B')
  })

  it('says 0 B for nothing, or for what is not a size', () => {
    expect(formatBytes(-5)).toBe('0 B')
    expect(formatBytes(Number.NaN)).toBe('0 B')
  })
})
