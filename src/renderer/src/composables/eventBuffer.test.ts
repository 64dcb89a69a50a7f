import type { EngineEvent } from '@shared/system'
import { describe, expect, it } from 'vitest'
import { actorName, EventBuffer, eventMs, shortId, toJsonLines } from './eventBuffer'

const event = (n: number, attributes: Record<string, string> = {}): EngineEvent => ({
  Type: 'container',
  Action: 'start',
  Actor: { ID: `id${n}`, Attributes: attributes },
  time: 1_700_000_000 + n,
})
const batch = (from: number, count: number, dropped = 0) => ({
  events: Array.from({ length: count }, (_, i) => event(from + i)),
  dropped,
})
const ids = (list: Array<{ event: EngineEvent }>) => list.map((b) => b.event.Actor.ID)

describe('EventBuffer', () => {
  it('shows events as they come, oldest first, each with its own sequence number', () => {
    const buffer = new EventBuffer(10, 10)
    buffer.add(batch(1, 2))
    buffer.add(batch(3, 1))
    expect(ids(buffer.shown)).toEqual(['id1', 'id2', 'id3'])
    expect(new Set(buffer.shown.map((b) => b.seq)).size).toBe(3)
  })

  it('keeps the newest within its bound and counts the ones it let go', () => {
    const buffer = new EventBuffer(5, 5)
    buffer.add(batch(1, 4))
    buffer.add(batch(5, 3))
    expect(ids(buffer.shown)).toEqual(['id3', 'id4', 'id5', 'id6', 'id7'])
    expect(buffer.dropped).toBe(2)
  })

  it('holds events while paused, bounded and counted, and shows them after the others on resume', () => {
    const buffer = new EventBuffer(10, 3)
    buffer.add(batch(1, 2))
    buffer.pause()
    buffer.add(batch(3, 4))
    expect(ids(buffer.shown)).toEqual(['id1', 'id2'])
    expect(ids(buffer.waiting)).toEqual(['id4', 'id5', 'id6'])
    expect(buffer.dropped).toBe(1)
    buffer.resume()
    expect(buffer.paused).toBe(false)
    expect(ids(buffer.shown)).toEqual(['id1', 'id2', 'id4', 'id5', 'id6'])
    expect(buffer.waiting).toEqual([])
  })

  it('adds up the events main could not deliver, and forgets everything on clear', () => {
    const buffer = new EventBuffer()
    buffer.add(batch(1, 1, 7))
    buffer.pause()
    buffer.add(batch(2, 1))
    expect(buffer.lost).toBe(7)
    buffer.clear()
    expect([buffer.shown, buffer.waiting, buffer.lost, buffer.dropped]).toEqual([[], [], 0, 0])
    expect(buffer.paused).toBe(true)
  })
})

describe('event helpers', () => {
  it('exports one JSON object per line, in the engine’s own shape', () => {
    const text = toJsonLines([event(1), event(2, { name: 'web' })])
    const lines = text.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    expect(JSON.parse(lines[1])).toEqual(event(2, { name: 'web' }))
  })

  it('names the actor as people do and shortens sha256 ids only', () => {
    expect(actorName(event(1, { name: 'web', image: 'busybox' }))).toBe('web')
    expect(actorName(event(1, { image: 'busybox' }))).toBe('busybox')
    expect(actorName(event(1))).toBe('id1')
    expect(shortId(`sha256:${'a'.repeat(64)}`)).toBe('aaaaaaaaaaaa')
    expect(shortId('b'.repeat(64))).toBe('bbbbbbbbbbbb')
    expect(shortId('my-volume')).toBe('my-volume')
  })

  it('times an event to the millisecond when the engine sent nanoseconds', () => {
    expect(eventMs({ ...event(0), timeNano: 1_700_000_000_123_456_789 })).toBe(1_700_000_000_123)
    expect(eventMs(event(0))).toBe(1_700_000_000_000)
  })
})
