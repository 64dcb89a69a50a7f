import { describe, expect, it } from 'vitest'
import { useLogBuffer } from './logBuffer'

const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ stream: 1 as const, text: `line ${from + i}` }))

describe('useLogBuffer', () => {
  it('keeps at most the limit, dropping the oldest', () => {
    const buffer = useLogBuffer(100)
    for (let i = 0; i < 50; i++) buffer.append(batch(i * 10, 10))
    expect(buffer.lines.value).toHaveLength(100)
    expect(buffer.lines.value[0].text).toBe('line 400')
    expect(buffer.dropped.value).toBe(400)
  })

  it('finds matches case-insensitively and steps through them both ways, wrapping', () => {
    const buffer = useLogBuffer()
    buffer.append([
      { stream: 1, text: 'Error one' },
      { stream: 2, text: 'fine' },
      { stream: 2, text: 'another error' },
    ])
    buffer.query.value = 'ERROR'
    expect(buffer.matches.value).toEqual([0, 2])
    expect(buffer.step(1)).toBe(0)
    expect(buffer.step(1)).toBe(2)
    expect(buffer.step(1)).toBe(0)
    expect(buffer.step(-1)).toBe(2)
  })

  it('prepends older pages in front', () => {
    const buffer = useLogBuffer()
    buffer.append(batch(10, 2))
    buffer.prepend(batch(8, 2))
    expect(buffer.lines.value.map((l) => l.text)).toEqual(['line 8', 'line 9', 'line 10', 'line 11'])
  })
})
