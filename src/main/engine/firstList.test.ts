import { describe, expect, it } from 'vitest'
import type { ContainerSummary, EngineStatus } from '../../shared/types'
import type { EngineConnection } from './connection'
import type { EngineEvent } from './eventLines'
import { FirstList } from './firstList'
import { Listeners } from './listeners'

function setup() {
  const engine = { statusChanged: new Listeners<EngineStatus>(), events: new Listeners<EngineEvent>() }
  let fetches = 0
  const first = new FirstList(engine as unknown as EngineConnection, () => {
    fetches++
    return Promise.resolve([{ id: String(fetches) } as ContainerSummary])
  })
  const status = (state: EngineStatus['state']) => engine.statusChanged.emit({ state, tried: [], podmanAvailable: false })
  const event = (Type: string) => engine.events.emit({ Type, Action: 'start', Actor: { ID: 'x', Attributes: {} }, time: 0 })
  return { first, status, event, fetches: () => fetches }
}

describe('FirstList', () => {
  it('fetches on connect and hands the list out once', async () => {
    const t = setup()
    t.status('connected')
    t.status('connected') // a later status while connected (e.g. podman found) fetches nothing new
    expect(t.fetches()).toBe(1)
    expect(await t.first.take()).toEqual([{ id: '1' }])
    expect(t.first.take()).toBeUndefined()
  })

  it('drops the list when a container event arrives or the engine goes away', () => {
    const t = setup()
    t.status('connected')
    t.event('network')
    expect(t.first.take()).toBeDefined()
    t.status('disconnected')
    t.status('connected')
    t.event('container')
    expect(t.first.take()).toBeUndefined()
    t.status('disconnected')
    expect(t.first.take()).toBeUndefined()
  })
})
