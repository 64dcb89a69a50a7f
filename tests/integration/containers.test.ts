import type Dockerode from 'dockerode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionResult, ContainerSummary } from '../../src/shared/types'
import { fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, runId, testDocker, uniqueName, waitFor } from './support/engine'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
})

async function stateOf(container: Dockerode.Container): Promise<string> {
  return (await container.inspect()).State.Status
}

describe('containers.list', () => {
  it('lists running and stopped containers with name, image, state, ports and labels', async () => {
    const name = uniqueName('list')
    const running = await createTestContainer(docker, {
      name,
      start: true,
      ports: { '80/tcp': [{ HostPort: '0' }] },
      labels: { 'com.docker.compose.project': 'shop' },
    })
    const stopped = await createTestContainer(docker, { name: `${name}-stopped` })
    const list = await ok<ContainerSummary[]>(ctx.api, 'containers.list')
    const a = list.find((c) => c.id === running.id)
    const b = list.find((c) => c.id === stopped.id)
    expect(a).toMatchObject({ name, image: 'wharf-test/busybox:latest', state: 'running', project: 'shop' })
    expect(a?.status).toMatch(/^Up/)
    expect(a?.ports.some((p) => p.privatePort === 80 && p.type === 'tcp' && (p.publicPort ?? 0) > 0)).toBe(true)
    expect(b).toMatchObject({ name: `${name}-stopped`, state: 'created', project: null })
  })
})

describe('start-up', () => {
  it('answers a call made while the engine is still connecting instead of failing it', async () => {
    const { createAppServices } = await import('../../src/main/appServices')
    const { createApi } = await import('../../src/main/api/router')
    const app = createAppServices()
    try {
      expect(app.engines.require('local').connection.getStatus().state).toBe('connecting')
      const envelope = await createApi(app).call('containers.list', {}, 'local')
      expect(envelope.ok).toBe(true)
    } finally {
      await app.dispose()
    }
  })
})

describe('lifecycle actions', () => {
  it('stops, starts, restarts and removes, reporting the state the engine reached', async () => {
    const c = await createTestContainer(docker, { start: true })
    expect(await ok<ActionResult>(ctx.api, 'containers.stop', { id: c.id, timeout: 1 })).toEqual({ id: c.id, state: 'exited' })
    expect(await stateOf(c)).toBe('exited')
    expect(await ok<ActionResult>(ctx.api, 'containers.start', { id: c.id })).toEqual({ id: c.id, state: 'running' })
    const before = (await c.inspect()).State.StartedAt
    expect(await ok<ActionResult>(ctx.api, 'containers.restart', { id: c.id, timeout: 1 })).toEqual({ id: c.id, state: 'running' })
    expect((await c.inspect()).State.StartedAt).not.toBe(before)
    expect(await ok<ActionResult>(ctx.api, 'containers.remove', { id: c.id, force: true })).toEqual({ id: c.id, state: 'removed' })
    await expect(c.inspect()).rejects.toMatchObject({ statusCode: 404 })
  })

  it('accepts a container name as well as an id', async () => {
    const name = uniqueName('byname')
    const c = await createTestContainer(docker, { name })
    expect(await ok<ActionResult>(ctx.api, 'containers.start', { id: name })).toEqual({ id: c.id, state: 'running' })
  })

  it('treats starting a running container as done, like the CLI', async () => {
    const c = await createTestContainer(docker, { start: true })
    expect(await ok<ActionResult>(ctx.api, 'containers.start', { id: c.id })).toEqual({ id: c.id, state: 'running' })
  })

  it('serializes actions on one container: a double stop sends one after the other', async () => {
    const c = await createTestContainer(docker, { start: true })
    const [first, second] = await Promise.all([
      ok<ActionResult>(ctx.api, 'containers.stop', { id: c.id, timeout: 1 }),
      ok<ActionResult>(ctx.api, 'containers.stop', { id: c.id, timeout: 1 }),
    ])
    expect(first.state).toBe('exited')
    expect(second.state).toBe('exited')
  })
})

describe('kill, pause, unpause, prune', () => {
  it('kills with a chosen signal and the process sees it', async () => {
    // sh as PID 1 ignores TERM unless it traps it: the trap proves which signal arrived.
    const c = await createTestContainer(docker, { start: true, cmd: ['sh', '-c', 'trap "exit 42" HUP; while true; do sleep 0.1; done'] })
    expect((await ok<ActionResult>(ctx.api, 'containers.kill', { id: c.id, signal: 'SIGHUP' })).id).toBe(c.id)
    await waitFor(async () => (await c.inspect()).State.Status === 'exited', 'the container to exit')
    expect((await c.inspect()).State.ExitCode).toBe(42)
  })

  it('pauses and unpauses', async () => {
    const c = await createTestContainer(docker, { start: true })
    expect(await ok<ActionResult>(ctx.api, 'containers.pause', { id: c.id })).toEqual({ id: c.id, state: 'paused' })
    expect((await fails(ctx.api, 'containers.pause', { id: c.id })).message).toMatch(/already paused/)
    expect(await ok<ActionResult>(ctx.api, 'containers.unpause', { id: c.id })).toEqual({ id: c.id, state: 'running' })
  })

  it('refuses a signal that is not one', async () => {
    expect((await fails(ctx.api, 'containers.kill', { id: 'x', signal: 'rm -rf /' })).fields?.signal).toMatch(/signal/)
    const c = await createTestContainer(docker, { start: true })
    const error = await fails(ctx.api, 'containers.kill', { id: c.id, signal: 'SIGFOO' })
    expect(error.message).toMatch(/invalid signal/i)
    expect((await c.inspect()).State.Running).toBe(true)
  })

  it('prunes stopped containers only, and only those matching the label filter', async () => {
    const mark = `prune-${runId}`
    const stopped = await createTestContainer(docker, { labels: { 'wharf.prune': mark } })
    const running = await createTestContainer(docker, { start: true, labels: { 'wharf.prune': mark } })
    const other = await createTestContainer(docker)
    const result = await ok<{ removed: string[] }>(ctx.api, 'containers.prune', { labels: [`wharf.prune=${mark}`] })
    expect(result.removed).toEqual([stopped.id])
    await expect(stopped.inspect()).rejects.toMatchObject({ statusCode: 404 })
    expect((await running.inspect()).State.Running).toBe(true)
    expect((await other.inspect()).Id).toBe(other.id)
  })
})

describe('errors carry the engine message', () => {
  it('refuses to remove a running container without force', async () => {
    const c = await createTestContainer(docker, { start: true })
    const error = await fails(ctx.api, 'containers.remove', { id: c.id })
    expect(error.code).toBe('conflict')
    expect(error.message).toMatch(/running container/i)
    expect(await stateOf(c)).toBe('running')
  })

  it('reports an unknown container as not found, in the engine words', async () => {
    const error = await fails(ctx.api, 'containers.stop', { id: 'wharf-no-such-container' })
    expect(error.code).toBe('not_found')
    expect(error.message).toContain('No such container: wharf-no-such-container')
  })

  it('reports a port that is already taken when starting', async () => {
    const first = await createTestContainer(docker, {
      start: true,
      cmd: ['httpd', '-f', '-p', '80'],
      ports: { '80/tcp': [{ HostPort: '0' }] },
    })
    const port = (await first.inspect()).NetworkSettings.Ports['80/tcp'][0].HostPort
    const second = await createTestContainer(docker, { cmd: ['httpd', '-f', '-p', '80'], ports: { '80/tcp': [{ HostPort: port }] } })
    const error = await fails(ctx.api, 'containers.start', { id: second.id })
    expect(error.code).toBe('engine_error')
    expect(error.message).toMatch(/port is already allocated|address already in use/)
  })

  it('validates input before the engine sees it', async () => {
    for (const id of ['', '../etc', 'a b', '-rf', 'x'.repeat(300)]) {
      const error = await fails(ctx.api, 'containers.start', { id })
      expect(error.code).toBe('invalid_input')
      expect(error.fields?.id).toBeTruthy()
    }
    expect((await fails(ctx.api, 'containers.stop', { id: 'abc', timeout: -1 })).fields?.timeout).toBeTruthy()
    expect((await fails(ctx.api, 'containers.stop', { id: 'abc', extra: true })).code).toBe('invalid_input')
    expect((await fails(ctx.api, 'containers.list', 'not an object')).code).toBe('invalid_input')
    expect((await fails(ctx.api, 'containers.explode', {})).code).toBe('unknown_method')
    expect((await fails(ctx.api, '__proto__', {})).code).toBe('unknown_method')
  })
})
