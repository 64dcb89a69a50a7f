import { describe, expect, it } from 'vitest'
import type { LogLine } from '../../../shared/types'
import { LogMerger, logSortKey } from './logMerge'

const line = (time: string, text = time): LogLine => ({ stream: 1, time, text })
const T = (s: string) => `2024-01-02T03:04:${s}Z`

describe('LogMerger', () => {
  it('orders Docker’s trimmed nanoseconds correctly', () => {
    expect(logSortKey(T('05.12345')) < logSortKey(T('05.1234'))).toBe(false)
    expect(logSortKey(T('05.1')) < logSortKey(T('05.12'))).toBe(true)
    expect(logSortKey(T('05')) < logSortKey(T('05.000000001'))).toBe(true)
  })

  it('releases a line only when no other source can still bring an older one', () => {
    const out: string[] = []
    const m = new LogMerger(2, (l, tag) => out.push(`${tag}:${l.text}`))
    m.push(0, line(T('01'), 'a1'))
    m.push(0, line(T('03'), 'a3'))
    expect(m.release()).toBe(0)
    m.push(1, line(T('02'), 'b2'))
    m.release()
    expect(out).toEqual(['0:a1', '1:b2'])
    m.end(1)
    m.release()
    expect(out).toEqual(['0:a1', '1:b2', '0:a3'])
  })

  it('while following, lets a line go after the hold even if a quiet source said nothing', () => {
    const out: string[] = []
    const m = new LogMerger(2, (l) => out.push(l.text))
    m.push(0, line(T('01'), 'a1'), 1000)
    expect(m.release(Infinity, 250, 1100)).toBe(0)
    expect(m.oldestArrival()).toBe(1000)
    expect(m.release(Infinity, 250, 1250)).toBe(1)
    expect(out).toEqual(['a1'])
  })

  it('keeps each source’s own order and compacts what it released', () => {
    const out: string[] = []
    const m = new LogMerger(3, (l) => out.push(l.text))
    for (let i = 0; i < 9000; i++) m.push(i % 3, line(`2024-01-02T03:04:05.${String(i).padStart(9, '0')}Z`, String(i)))
    for (let t = 0; t < 3; t++) m.end(t)
    expect(m.release(5000)).toBe(5000)
    expect(m.release()).toBe(4000)
    expect(out).toEqual(Array.from({ length: 9000 }, (_, i) => String(i)))
    expect(m.pending).toBe(0)
  })
})
