import type Dockerode from 'dockerode'
import { describe, expect, it } from 'vitest'
import type { ContainersDelta } from '../../shared/types'
import type { EngineConnection } from './connection'
import { ContainerWatcher } from './containerWatcher'
import type { EngineEvent } from './eventLines'
import { Listeners } from './listeners'

/**
 * The batching rules in isolation. The engine side is an in-memory stand-in for the
 * connection object; the real engine is exercised in tests/integration/events.test.ts.
 */
function setup(states: Record<string, string>) {
  const calls: string[][] = []
  const events = new Listeners<EngineEvent>()
  const engine = {
    events,
    resynced: new Listeners<void>(),
    client: () => Promise.resolve(docker),
  } as unknown as EngineConnection
  const docker = {
    listContainers: ({ filters }: { filters: { id: string[] } }) => {
      calls.push(filters.id)
      return Promise.resolve(
        filters.id
          .filter((id) => states[id])
          .map((id) => ({ Id: id, Names: [`/${id}`], State: states[id], Labels: {}, Ports: [] }) as unknown as Dockerode.ContainerInfo),
      )
    },
  }
  const watcher = new ContainerWatcher(engine)
  const deltas: ContainersDelta[] = []
  watcher.deltas.add((d) => deltas.push(d))
  const emit = (id: string, action: string, attributes: Record<string, string> = {}, timeNano = 1_700_000_000_123_000_000) =>
    events.emit({
      Type: 'container',
      Action: action,
      Actor: { ID: id, Attributes: attributes },
      time: Math.floor(timeNano / 1e9),
      timeNano,
    })
  return { calls, deltas, emit, watcher, states }
}

const settle = (ms = 60) => new Promise((r) => setTimeout(r, ms))

describe('ContainerWatcher', () => {
  it('lists a burst of events in one call', async () => {
    const { calls, deltas, emit, watcher } = setup({ a: 'running', b: 'running', c: 'exited' })
    emit('a', 'start')
    emit('b', 'start')
    emit('c', 'die', { exitCode: '137' })
    emit('a', 'exec_start: sh')
    await settle()
    expect(calls).toEqual([['a', 'b', 'c']])
    // First what the events announce, then the rows the engine lists.
    expect(deltas.map((d) => d.kind)).toEqual(['state', 'upsert'])
    const at = 1_700_000_000_123
    expect(deltas[0]).toEqual({
      kind: 'state',
      changes: [
        { id: 'a', state: 'running', status: 'Up', since: at },
        { id: 'b', state: 'running', status: 'Up', since: at },
        { id: 'c', state: 'exited', status: 'Exited (137)', since: at, exitCode: 137 },
      ],
    })
    // The listed rows keep the events' exact times, which the status text gives only to its unit.
    const upsert = deltas[1]
    expect(upsert.kind === 'upsert' && upsert.containers.map((c) => c.since)).toEqual([at, at, at])
    watcher.dispose()
  })

  it('sends destroy as a removal without asking the engine', async () => {
    const { calls, deltas, emit, watcher } = setup({})
    emit('gone', 'destroy')
    await settle()
    expect(calls).toEqual([])
    expect(deltas).toEqual([{ kind: 'remove', ids: ['gone'] }])
    watcher.dispose()
  })

  it('lists again when the engine still shows the state from before the event', async () => {
    const { calls, deltas, emit, watcher, states } = setup({ a: 'running' })
    emit('a', 'die')
    setTimeout(() => (states.a = 'exited'), 20)
    await settle(150)
    expect(calls.length).toBeGreaterThanOrEqual(2)
    const last = deltas.at(-1)
    expect(last?.kind === 'upsert' && last.containers[0].state).toBe('exited')
    watcher.dispose()
  })

  it('ignores events nobody listens to and actions that change nothing shown', async () => {
    const { calls, emit, watcher } = setup({ a: 'running' })
    emit('a', 'exec_create: sh')
    emit('a', 'attach')
    emit('a', 'resize')
    await settle()
    expect(calls).toEqual([])
    watcher.dispose()
  })
})
