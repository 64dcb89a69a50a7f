import { describe, expect, it } from 'vitest'
import { baseAction, eventMatches } from './eventFilter'
import type { EngineEvent } from './system'

const event = (Type: string, Action: string): EngineEvent => ({ Type, Action, Actor: { ID: 'x', Attributes: {} }, time: 1 })

describe('engine event filters', () => {
  it('compares an action without the detail the engine appends after a colon', () => {
    expect(baseAction('exec_start: sh -c date')).toBe('exec_start')
    expect(baseAction('health_status: healthy')).toBe('health_status')
    expect(baseAction('start')).toBe('start')
  })

  it('keeps an event whose type and action are among those asked for, everything when none are', () => {
    expect(eventMatches({}, event('network', 'connect'))).toBe(true)
    expect(eventMatches({ types: ['container'] }, event('container', 'die'))).toBe(true)
    expect(eventMatches({ types: ['container'] }, event('network', 'connect'))).toBe(false)
    expect(eventMatches({ types: ['container'], actions: ['start', 'die'] }, event('container', 'create'))).toBe(false)
    expect(eventMatches({ actions: ['exec_start'] }, event('container', 'exec_start: sh'))).toBe(true)
    expect(eventMatches({ types: [], actions: [] }, event('image', 'pull'))).toBe(true)
  })
})
