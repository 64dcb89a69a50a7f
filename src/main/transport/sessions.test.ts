import { describe, expect, it } from 'vitest'
import { SessionStore } from './sessions'

describe('SessionStore', () => {
  it('makes a new random value each time, unrelated to any token', () => {
    const store = new SessionStore()
    const a = store.create()
    expect(a).toMatch(/^[\w-]{43}$/)
    expect(store.create()).not.toBe(a)
    expect(new SessionStore().use(a)).toBeUndefined()
  })

  it('ends a session unused for its lifetime; use pushes the end back', () => {
    let now = 1_000
    const store = new SessionStore({ ttlMs: 100, now: () => now })
    const ended: string[] = []
    store.onEnd((key) => ended.push(key))
    const value = store.create()
    now += 99
    const key = store.use(value)
    expect(key).toBeDefined()
    now += 99
    expect(store.use(value)).toBe(key)
    now += 100
    expect(store.use(value)).toBeUndefined()
    expect(ended).toEqual([key])
  })

  it('sweeps expired sessions and tells the listeners', () => {
    let now = 0
    const store = new SessionStore({ ttlMs: 10, now: () => now })
    const ended: string[] = []
    store.onEnd((key) => ended.push(key))
    const key = store.use(store.create())
    now = 10
    store.sweep()
    expect(ended).toEqual([key])
    expect(store.size).toBe(0)
  })

  it('keeps at most maxSessions, ending the least recently used', () => {
    const store = new SessionStore({ maxSessions: 2 })
    const a = store.create()
    const b = store.create()
    store.use(a)
    store.create()
    expect(store.use(b)).toBeUndefined()
    expect(store.use(a)).toBeDefined()
  })
})
