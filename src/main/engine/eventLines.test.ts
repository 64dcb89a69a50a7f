import { describe, expect, it } from 'vitest'
import { createLineParser, isEngineEvent } from './eventLines'

describe('createLineParser', () => {
  it('joins objects split across chunks and splits several in one chunk', () => {
    const seen: unknown[] = []
    const bad: string[] = []
    const feed = createLineParser(
      (v) => seen.push(v),
      (l) => bad.push(l),
    )
    feed('{"a":1}\n{"b":')
    feed(Buffer.from('2}\n\n{"c":3}'))
    expect(seen).toEqual([{ a: 1 }, { b: 2 }])
    feed('\nnot json\n')
    expect(seen).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }])
    expect(bad).toEqual(['not json'])
  })

  it('recognises engine events only when the fields Wharf reads are there', () => {
    expect(isEngineEvent({ Type: 'container', Action: 'start', Actor: { ID: 'x', Attributes: {} }, time: 1 })).toBe(true)
    expect(isEngineEvent({ Type: 'container', Action: 'start' })).toBe(false)
    expect(isEngineEvent(null)).toBe(false)
    expect(isEngineEvent({ Type: 'image', Action: 'pull', Actor: { ID: 'x', Attributes: 'no' }, time: 1 })).toBe(false)
  })

  it('gives an actor without attributes an empty set', () => {
    const event = { Type: 'image', Action: 'remove', Actor: { ID: 'sha256:1' }, time: 1 }
    expect(isEngineEvent(event)).toBe(true)
    expect(event.Actor).toEqual({ ID: 'sha256:1', Attributes: {} })
  })
})
