import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EngineEvent, EngineEventBatch } from '../../shared/system'
import { BATCH_MS, feedEngineEvents, MAX_QUEUED } from './eventFeed'
import { Listeners } from './listeners'

/**
 * The feed's batching and bound in isolation: the source is the connection's listener
 * set, fed by hand; tests/integration/engineEvents.test.ts runs it on real engines.
 */
const event = (n: number, Type = 'container', Action = 'start'): EngineEvent => ({
  Type,
  Action,
  Actor: { ID: `id${n}`, Attributes: { name: `c${n}` } },
  scope: 'local',
  time: 1_700_000_000 + n,
  timeNano: (1_700_000_000 + n) * 1e9,
})

function setup(filter = {}) {
  const source = new Listeners<EngineEvent>()
  const batches: EngineEventBatch[] = []
  let ready = true
  const close = feedEngineEvents(source, filter, { emit: (b) => batches.push(b), ready: () => ready })
  return { source, batches, close, setReady: (r: boolean) => (ready = r) }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the engine.events feed', () => {
  it('sends the events of one tick as one batch, in order, with only the engine’s fields', () => {
    const { source, batches } = setup()
    source.emit({ ...event(1), status: 'start', id: 'id1', from: 'busybox' } as EngineEvent)
    source.emit(event(2, 'network', 'connect'))
    expect(batches).toEqual([])
    vi.advanceTimersByTime(BATCH_MS)
    expect(batches).toEqual([{ events: [event(1), event(2, 'network', 'connect')], dropped: 0 }])
  })

  it('keeps only the types and actions asked for', () => {
    const { source, batches } = setup({ types: ['container'], actions: ['die', 'exec_start'] })
    source.emit(event(1, 'container', 'start'))
    source.emit(event(2, 'container', 'die'))
    source.emit(event(3, 'network', 'die'))
    source.emit(event(4, 'container', 'exec_start: sh -c date'))
    vi.advanceTimersByTime(BATCH_MS)
    expect(batches.flatMap((b) => b.events.map((e) => e.Actor.ID))).toEqual(['id2', 'id4'])
  })

  it('holds at most MAX_QUEUED events while the page is behind, and counts the ones it let go', () => {
    const { source, batches, setReady } = setup()
    setReady(false)
    for (let n = 0; n < MAX_QUEUED + 25; n++) source.emit(event(n))
    vi.advanceTimersByTime(BATCH_MS * 5)
    expect(batches).toEqual([])
    setReady(true)
    vi.advanceTimersByTime(BATCH_MS)
    expect(batches).toHaveLength(1)
    expect(batches[0].dropped).toBe(25)
    expect(batches[0].events).toHaveLength(MAX_QUEUED)
    expect(batches[0].events[0].Actor.ID).toBe('id25')
  })

  it('stops listening when closed and sends nothing after', () => {
    const { source, batches, close } = setup()
    source.emit(event(1))
    close()
    expect(source.size).toBe(0)
    vi.advanceTimersByTime(BATCH_MS * 2)
    expect(batches).toEqual([])
  })
})
