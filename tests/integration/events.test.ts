import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContainersDelta, EngineStatus } from '../../src/shared/types'
import { startApi } from './support/app'
import { cleanup, createTestContainer, dockerHost, testDocker, waitFor } from './support/engine'
import { SocketRelay } from './support/socketRelay'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
const deltas: ContainersDelta[] = []
let stopStream: () => void

beforeAll(async () => {
  ctx = await startApi()
  stopStream = ctx.api.subscribe('containers.changed', {}, (d) => deltas.push(d as ContainersDelta))
})
afterAll(async () => {
  stopStream()
  await ctx.app.dispose()
  await cleanup(docker)
})

function upserted(id: string, state: string): boolean {
  return deltas.some((d) => d.kind === 'upsert' && d.containers.some((c) => c.id === id && c.state === state))
}

describe('containers.changed', () => {
  it('pushes the new state when the CLI or another client changes a container', async () => {
    const c = await createTestContainer(docker)
    await waitFor(() => upserted(c.id, 'created'), 'the create delta')
    await c.start()
    await waitFor(() => upserted(c.id, 'running'), 'the running delta')
    await c.kill()
    await waitFor(() => upserted(c.id, 'exited'), 'the exited delta')
    await c.remove()
    await waitFor(() => deltas.some((d) => d.kind === 'remove' && d.ids.includes(c.id)), 'the remove delta')
  })

  it('loses no change in a burst of 20 starts and kills', async () => {
    const containers = await Promise.all(Array.from({ length: 20 }, () => createTestContainer(docker)))
    await Promise.all(containers.map((c) => c.start()))
    await waitFor(() => containers.every((c) => upserted(c.id, 'running')), 'all 20 running deltas')
    await Promise.all(containers.map((c) => c.kill()))
    await waitFor(() => containers.every((c) => upserted(c.id, 'exited')), 'all 20 exited deltas')
  })

  it('refuses a stream that does not exist or an input that is not allowed', () => {
    expect(() => ctx.api.subscribe('containers.nope', {}, () => undefined)).toThrow(/Unknown stream/)
    expect(() => ctx.api.subscribe('containers.changed', { all: 1 }, () => undefined)).toThrow(/Invalid input/)
  })
})

describe('engine loss and reconnect', () => {
  it('says "disconnected" within 2 s, reconnects, then resyncs', async () => {
    const relay = new SocketRelay(dockerHost().replace(/^unix:\/\//, ''))
    await relay.start()
    const viaRelay = await startApi(`unix://${relay.path}`)
    const statuses: EngineStatus[] = []
    const relayDeltas: ContainersDelta[] = []
    const stopStatus = viaRelay.api.subscribe('engine.status', {}, (s) => statuses.push(s as EngineStatus))
    const stopDeltas = viaRelay.api.subscribe('containers.changed', {}, (d) => relayDeltas.push(d as ContainersDelta))
    try {
      expect(statuses[0].state).toBe('connected')
      const lostAt = Date.now()
      await relay.stop()
      await waitFor(() => statuses.some((s) => s.state === 'disconnected'), 'the disconnected status', 2000)
      expect(Date.now() - lostAt).toBeLessThan(2000)
      const whileDown = await viaRelay.api.call('containers.list', {})
      expect(whileDown).toMatchObject({ ok: false, error: { code: 'engine_unavailable' } })

      await relay.start()
      await waitFor(() => statuses.at(-1)?.state === 'connected', 'the reconnect', 8000)
      await waitFor(() => relayDeltas.some((d) => d.kind === 'resync'), 'the resync delta')
      // Events flow again after the resync.
      const c = await createTestContainer(docker)
      await waitFor(
        () => relayDeltas.some((d) => d.kind === 'upsert' && d.containers.some((x) => x.id === c.id)),
        'an event after reconnect',
      )
    } finally {
      stopStatus()
      stopDeltas()
      await viaRelay.app.dispose()
      await relay.stop()
      relay.dispose()
    }
  })

  it('connected and asked to connect again ("Try again", an SSH key accepted): stays connected, its events flowing', async () => {
    const statuses: EngineStatus[] = []
    const stopStatus = ctx.api.subscribe('engine.status', {}, (s) => statuses.push(s as EngineStatus))
    try {
      await ctx.api.call('engine.retry', {})
      await ctx.api.call('engine.retry', {})
      const c = await createTestContainer(docker, { start: true })
      await waitFor(() => upserted(c.id, 'running'), 'the start event after connecting again')
      // Several reconnect back-off periods (0.25 s, doubling): a connection that took its
      // own closed stream for a lost engine flapped within them, for ever.
      await new Promise((r) => setTimeout(r, 1500))
      expect(statuses.filter((s) => s.state !== 'connected').map((s) => s.error)).toEqual([])
    } finally {
      stopStatus()
    }
  })

  it('reports every address tried when no engine answers', async () => {
    const gone = await import('../../src/main/appServices').then((m) => m.createAppServices({ explicit: 'unix:///nonexistent/wharf.sock' }))
    const engine = gone.engines.require('local').connection
    try {
      await waitFor(() => engine.getStatus().state === 'unavailable', 'the unavailable status')
      const status = engine.getStatus()
      expect(status.tried).toHaveLength(1)
      expect(status.tried[0].endpoint).toBe('unix:///nonexistent/wharf.sock')
      expect(status.tried[0].error).toMatch(/ENOENT/)
    } finally {
      await gone.dispose()
    }
  })
})
