import type { ContainerSummary } from '@shared/types'
import { describe, expect, it } from 'vitest'
import { applyDelta, matches } from './containerList'

const web = { id: 'abc123', name: 'web', image: 'nginx', state: 'running', status: 'Up 2 minutes', project: 'shop' } as ContainerSummary

describe('applyDelta', () => {
  it('inserts, replaces and removes by id, and says whether anything changed', () => {
    const map = new Map<string, ContainerSummary>()
    expect(applyDelta(map, { kind: 'upsert', containers: [web] })).toBe(true)
    expect(applyDelta(map, { kind: 'upsert', containers: [{ ...web, state: 'exited' }] })).toBe(true)
    expect(map.get('abc123')?.state).toBe('exited')
    expect(applyDelta(map, { kind: 'state', changes: [{ id: 'abc123', state: 'paused', status: 'Paused' }] })).toBe(true)
    expect(map.get('abc123')).toMatchObject({ state: 'paused', status: 'Paused', name: web.name })
    expect(applyDelta(map, { kind: 'state', changes: [{ id: 'unknown', state: 'paused', status: 'Paused' }] })).toBe(false)
    expect(applyDelta(map, { kind: 'remove', ids: ['nope'] })).toBe(false)
    expect(applyDelta(map, { kind: 'remove', ids: ['abc123'] })).toBe(true)
    expect(map.size).toBe(0)
  })
})

describe('matches', () => {
  it('filters by state and by name, image, id prefix or project', () => {
    expect(matches(web, '', 'all')).toBe(true)
    expect(matches(web, '', 'exited')).toBe(false)
    for (const q of ['WE', 'ngin', 'abc', 'shop']) expect(matches(web, q, 'running')).toBe(true)
    expect(matches(web, 'bc1', 'all')).toBe(false)
  })
})
