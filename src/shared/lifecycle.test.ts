import { describe, expect, it } from 'vitest'
import { legalActions } from './lifecycle'

describe('container lifecycle', () => {
  it('offers only what the engine accepts from each state', () => {
    expect(legalActions('created').sort()).toEqual(['remove', 'start'])
    expect(legalActions('running').sort()).toEqual(['kill', 'pause', 'restart', 'stop'])
    expect(legalActions('paused').sort()).toEqual(['kill', 'unpause'])
    expect(legalActions('exited').sort()).toEqual(['remove', 'restart', 'start'])
    expect(legalActions('restarting').sort()).toEqual(['kill', 'stop'])
    expect(legalActions('dead')).toEqual(['remove'])
    expect(legalActions('removed')).toEqual([])
  })
})
