import { describe, expect, it, vi } from 'vitest'
import { LogBatchBuilder } from '@shared/logBatch'
import { useLogBuffer } from './logBuffer'

const lines = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ stream: 1 as const, text: `line ${from + i}` }))
const batch = (from: number, n: number) => toBatch(lines(from, n))
function toBatch(list: Array<{ stream: 0 | 1 | 2; text: string }>) {
  const builder = new LogBatchBuilder(false)
  list.forEach((l) => builder.add(l))
  return builder.take()
}

// The buffer applies batches once per animation frame; Node has no frames.
vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16) as unknown as number)
vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id))

describe('useLogBuffer', () => {
  it('keeps at most the limit, dropping the oldest', () => {
    const buffer = useLogBuffer(100)
    for (let i = 0; i < 50; i++) buffer.append(batch(i * 10, 10))
    buffer.flush()
    expect(buffer.lines.value).toHaveLength(100)
    expect(buffer.lines.value[0].text).toBe('line 400')
    expect(buffer.dropped.value).toBe(400)
  })

  it('finds matches case-insensitively and steps through them both ways, wrapping', () => {
    const buffer = useLogBuffer()
    buffer.append(
      toBatch([
        { stream: 1, text: 'Error one' },
        { stream: 2, text: 'fine' },
        { stream: 2, text: 'another error' },
      ]),
    )
    buffer.flush()
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
    buffer.flush()
    buffer.prepend(lines(8, 2))
    expect(buffer.lines.value.map((l) => l.text)).toEqual(['line 8', 'line 9', 'line 10', 'line 11'])
  })
})
