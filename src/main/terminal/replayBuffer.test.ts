import { describe, expect, it } from 'vitest'
import { ReplayBuffer } from './replayBuffer'

describe('ReplayBuffer', () => {
  it('keeps everything under the limit, in order', () => {
    const b = new ReplayBuffer(100)
    b.push(Buffer.from('one\n'))
    b.push(Buffer.from('two\n'))
    expect(b.snapshot().toString()).toBe('one\ntwo\n')
  })

  it('drops the oldest output beyond the limit, cutting at a line start when one is near', () => {
    const b = new ReplayBuffer(10)
    b.push(Buffer.from('aaaa\nbbbb\n'))
    b.push(Buffer.from('cc\n'))
    // 13 bytes held, 3 too many: the cut moves past "aaaa\n" rather than into it.
    expect(b.snapshot().toString()).toBe('bbbb\ncc\n')
    expect(b.byteLength).toBe(8)
  })

  it('stays bounded under a flood', () => {
    const b = new ReplayBuffer(64 * 1024)
    const line = Buffer.from('y\n')
    for (let i = 0; i < 200_000; i++) b.push(line)
    expect(b.byteLength).toBeLessThanOrEqual(64 * 1024)
    expect(b.snapshot().toString().endsWith('y\ny\n')).toBe(true)
  })

  it('cuts mid-chunk when no line start is near', () => {
    const b = new ReplayBuffer(4)
    b.push(Buffer.from('abcdefgh'))
    expect(b.snapshot().toString()).toBe('efgh')
  })
})
