import { afterEach, describe, expect, it, vi } from 'vitest'
import { EventPacer, type PacedEvent } from './eventPacer'

afterEach(() => {
  vi.useRealTimers()
})

function pacer(): { pacer: EventPacer; sent: PacedEvent[][] } {
  vi.useFakeTimers()
  const sent: PacedEvent[][] = []
  return { pacer: new EventPacer((events) => sent.push(events), 250), sent }
}

describe('EventPacer', () => {
  it('holds events up to its pace and sends them together, in order', () => {
    const { pacer: p, sent } = pacer()
    p.add(1, 'a')
    vi.advanceTimersByTime(100)
    p.add(2, 'b')
    p.add(1, 'c')
    vi.advanceTimersByTime(149)
    expect(sent).toEqual([])
    vi.advanceTimersByTime(1)
    expect(sent).toEqual([
      [
        [1, 'a'],
        [2, 'b'],
        [1, 'c'],
      ],
    ])
    // The next event waits a whole pace again, counted from itself.
    p.add(3, 'd')
    vi.advanceTimersByTime(249)
    expect(sent).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(sent[1]).toEqual([[3, 'd']])
  })

  it('sends at once when flushed (before a stream ends), and nothing when empty', () => {
    const { pacer: p, sent } = pacer()
    p.flush()
    expect(sent).toEqual([])
    p.add(1, 'a')
    p.flush()
    expect(sent).toEqual([[[1, 'a']]])
    vi.advanceTimersByTime(1000)
    expect(sent).toHaveLength(1)
  })

  it('drops what waits when its socket is gone', () => {
    const { pacer: p, sent } = pacer()
    p.add(1, 'a')
    p.dispose()
    vi.advanceTimersByTime(1000)
    expect(sent).toEqual([])
  })
})
