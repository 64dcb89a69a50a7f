/**
 * Swarm (E6) against a real two-node swarm: private dockerds in network namespaces of
 * their own (scripts/lib/swarmEngines.mjs), never the shared test engine. The manager is
 * driven through Wharf's API as the UI drives it; the worker joins through Wharf too.
 */
import Dockerode from 'dockerode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServiceLogLine, SwarmNode, SwarmSecret, SwarmService, SwarmStatus, SwarmTask } from '../../src/shared/swarm/types'
import type { ServiceSpecInput } from '../../src/shared/swarm/schemas'
import { MANAGER_ADDR, SWARM_APP_IMAGES, startSwarmEngines } from '../../scripts/lib/swarmEngines.mjs'
import { fails, ok, startApi, type TestApp } from './support/app'
import { waitFor } from './support/engine'

const [V1, V2] = SWARM_APP_IMAGES
let manager: TestApp
let worker: TestApp
let env: Awaited<ReturnType<typeof startSwarmEngines>>

const dockerAt = (host: string) => new Dockerode({ socketPath: host.replace('unix://', '') })

/** Both nodes out of any swarm an earlier run left them in. */
async function leaveAll(): Promise<void> {
  for (const host of [env.WHARF_TEST_SWARM_WORKER, env.WHARF_TEST_SWARM_MANAGER])
    await dockerAt(host)
      .swarmLeave({ force: true })
      .catch((err: { statusCode?: number }) => {
        if (err.statusCode !== 503) throw err
      })
}

export function spec(name: string, extra: Partial<ServiceSpecInput> = {}): ServiceSpecInput {
  return {
    name,
    image: V1,
    mode: 'replicated',
    replicas: 1,
    command: [],
    env: [],
    ports: [],
    mounts: [],
    networks: [],
    constraints: [],
    secrets: [],
    labels: [],
    limits: { cpus: 0, memoryMb: 0 },
    // All tasks at once: the test waits for one round, not one per replica.
    update: { parallelism: 0, delaySeconds: 0, failureAction: 'pause', order: 'stop-first' },
    restart: { condition: 'any', maxAttempts: 0, delaySeconds: 1 },
    ...extra,
  }
}

const services = () => ok<SwarmService[]>(manager.api, 'swarm.services')
const serviceNamed = async (name: string) => (await services()).find((s) => s.name === name)
const runningTasks = async (id: string) =>
  (await ok<SwarmTask[]>(manager.api, 'swarm.tasks', { service: id })).filter((t) => t.state === 'running' && t.desiredState === 'running')

beforeAll(async () => {
  env = await startSwarmEngines(() => undefined)
  await leaveAll()
  manager = await startApi(env.WHARF_TEST_SWARM_MANAGER)
  worker = await startApi(env.WHARF_TEST_SWARM_WORKER)
})

afterAll(async () => {
  await manager?.app.dispose()
  await worker?.app.dispose()
  // The e2e starts from an engine outside any swarm.
  if (env) await leaveAll()
})

describe('swarm (E6) on two nodes', () => {
  it('initialises a swarm (the engine names its addresses when it cannot choose) and a second node joins as a worker', async () => {
    expect((await ok<SwarmStatus>(manager.api, 'swarm.status')).state).toBe('inactive')
    const refused = await fails(manager.api, 'swarm.init', { advertiseAddr: '', listenAddr: '' })
    expect(refused.message).toContain(MANAGER_ADDR)
    await ok(manager.api, 'swarm.init', { advertiseAddr: MANAGER_ADDR, listenAddr: '' })
    const status = await ok<SwarmStatus>(manager.api, 'swarm.status')
    expect(status).toMatchObject({ state: 'active', manager: true, nodeAddr: MANAGER_ADDR, joinAddr: `${MANAGER_ADDR}:2377` })
    expect(status.joinTokens?.worker).toMatch(/^SWMTKN-1-/)

    const badToken = await fails(worker.api, 'swarm.join', { remoteAddr: MANAGER_ADDR, token: 'nonsense', advertiseAddr: '' })
    expect(badToken.code).toBe('invalid_input')
    await ok(worker.api, 'swarm.join', { remoteAddr: MANAGER_ADDR, token: status.joinTokens?.worker, advertiseAddr: '' })
    expect(await ok<SwarmStatus>(worker.api, 'swarm.status')).toMatchObject({ state: 'active', manager: false })
    // A worker cannot list services: the engine says so in its own words.
    expect((await fails(worker.api, 'swarm.services')).message).toMatch(/not a swarm manager/)

    const nodes = await waitFor(async () => {
      const list = await ok<SwarmNode[]>(manager.api, 'swarm.nodes')
      return list.length === 2 && list.every((n) => n.status === 'ready') ? list : undefined
    }, 'the worker to be ready')
    expect(nodes.map((n) => [n.hostname, n.role, n.availability, n.leader]).sort()).toEqual([
      ['wharf-swarm-1', 'manager', 'active', true],
      ['wharf-swarm-2', 'worker', 'active', false],
    ])
    expect(nodes.every((n) => n.engineVersion.length > 0)).toBe(true)
  })

  it('runs 3 replicas across both nodes, scales to 5, updates the image and rolls back, then drains the worker', async () => {
    const name = 'wharf-it-web'
    const { id } = await ok<{ id: string }>(manager.api, 'swarm.createService', spec(name, { replicas: 3, env: ['GREETING=hello'] }))
    let tasks = await waitFor(
      async () => {
        const running = await runningTasks(id)
        return running.length === 3 ? running : undefined
      },
      '3 running replicas',
      30_000,
    )
    expect(new Set(tasks.map((t) => t.nodeName))).toEqual(new Set(['wharf-swarm-1', 'wharf-swarm-2']))
    expect(await serviceNamed(name)).toMatchObject({ mode: 'replicated', desired: 3, running: 3, image: V1 })

    await ok(manager.api, 'swarm.scaleService', { id, replicas: 5 })
    await waitFor(async () => (await serviceNamed(name))?.running === 5, '5 running replicas', 30_000)
    expect((await serviceNamed(name))?.desired).toBe(5)

    await ok(manager.api, 'swarm.updateImage', { id, image: V2 })
    const updated = await waitFor(
      async () => {
        const s = await serviceNamed(name)
        return s?.update?.state === 'completed' && s.running === 5 ? s : undefined
      },
      'the rolling update to complete',
      60_000,
    )
    expect(updated).toMatchObject({ image: V2, previousImage: V1 })
    tasks = await runningTasks(id)
    expect(tasks.map((t) => t.image)).toEqual(Array(5).fill(V2))
    // The replaced tasks stay in the history, shut down, with the old image.
    const history = await ok<SwarmTask[]>(manager.api, 'swarm.tasks', { service: id })
    expect(history.filter((t) => t.desiredState === 'shutdown' && t.image === V1)).toHaveLength(5)

    await ok(manager.api, 'swarm.rollbackService', { id })
    await waitFor(
      async () => {
        const s = await serviceNamed(name)
        return s?.update?.state === 'rollback_completed' && s.image === V1 && s.running === 5
      },
      'the rollback to complete',
      60_000,
    )
    expect((await runningTasks(id)).map((t) => t.image)).toEqual(Array(5).fill(V1))

    const workerNode = (await ok<SwarmNode[]>(manager.api, 'swarm.nodes')).find((n) => n.role === 'worker')
    await ok(manager.api, 'swarm.updateNode', { id: workerNode?.id, availability: 'drain' })
    expect((await ok<SwarmNode[]>(manager.api, 'swarm.nodes')).find((n) => n.id === workerNode?.id)?.availability).toBe('drain')
    tasks = await waitFor(
      async () => {
        const running = await runningTasks(id)
        return running.length === 5 && running.every((t) => t.nodeName === 'wharf-swarm-1') ? running : undefined
      },
      'every task to move off the drained worker',
      60_000,
    )
    expect(tasks).toHaveLength(5)
    await ok(manager.api, 'swarm.updateNode', { id: workerNode?.id, availability: 'active' })

    // The service's log, merged across its tasks, each line named by its task.
    const lines: ServiceLogLine[] = []
    await new Promise<void>((resolve, reject) => {
      manager.api.subscribe(
        'swarm.logs',
        { id, tail: 100, follow: false },
        (batch) => lines.push(...(batch as ServiceLogLine[])),
        (error) => (error ? reject(new Error(error.message)) : resolve()),
      )
    })
    expect(lines.some((l) => /^wharf-it-web\.[1-5]$/.test(l.task) && /^app v1 up on [0-9a-f]{12}$/.test(l.text))).toBe(true)

    await ok(manager.api, 'swarm.removeService', { id })
    expect(await serviceNamed(name)).toBeUndefined()
  })

  it('refuses to scale a global service, and reports a task that cannot start in the engine’s words', async () => {
    const { id } = await ok<{ id: string }>(manager.api, 'swarm.createService', spec('wharf-it-global', { mode: 'global' }))
    await waitFor(async () => (await serviceNamed('wharf-it-global'))?.running === 2, 'one task per node', 30_000)
    expect((await fails(manager.api, 'swarm.scaleService', { id, replicas: 3 })).message).toMatch(/global service/)
    await ok(manager.api, 'swarm.removeService', { id })

    const broken = await ok<{ id: string }>(manager.api, 'swarm.createService', spec('wharf-it-broken', { image: 'wharf-swarm/absent:v9' }))
    const failed = await waitFor(
      async () => {
        const tasks = await ok<SwarmTask[]>(manager.api, 'swarm.tasks', { service: broken.id })
        return tasks.find((t) => t.error.length > 0)
      },
      'the task to fail',
      30_000,
    )
    expect(failed.error).toMatch(/No such image|pull access denied|does not exist/i)
    await ok(manager.api, 'swarm.removeService', { id: broken.id })
  })

  it('keeps a secret’s value to itself and refuses to remove it while a service uses it, naming the service', async () => {
    const { id: secretId } = await ok<{ id: string }>(manager.api, 'swarm.createSecret', {
      kind: 'secret',
      name: 'wharf-it-password',
      value: 's3cret-value',
      labels: [],
    })
    const service = await ok<{ id: string }>(
      manager.api,
      'swarm.createService',
      spec('wharf-it-uses-secret', { secrets: ['wharf-it-password'] }),
    )
    const secrets = await ok<SwarmSecret[]>(manager.api, 'swarm.secrets', { kind: 'secret' })
    expect(secrets.find((s) => s.id === secretId)).toMatchObject({ name: 'wharf-it-password', usedBy: ['wharf-it-uses-secret'] })
    expect(JSON.stringify(secrets)).not.toContain('s3cret-value')
    const refused = await fails(manager.api, 'swarm.removeSecret', { kind: 'secret', id: secretId })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain('wharf-it-uses-secret')

    await ok(manager.api, 'swarm.removeService', { id: service.id })
    await ok(manager.api, 'swarm.removeSecret', { kind: 'secret', id: secretId })
    expect(await ok<SwarmSecret[]>(manager.api, 'swarm.secrets', { kind: 'secret' })).toEqual([])

    const config = await ok<{ id: string }>(manager.api, 'swarm.createSecret', {
      kind: 'config',
      name: 'wharf-it-conf',
      value: 'a=1',
      labels: ['team=web'],
    })
    expect(await ok<SwarmSecret[]>(manager.api, 'swarm.secrets', { kind: 'config' })).toMatchObject([
      { name: 'wharf-it-conf', labels: { team: 'web' } },
    ])
    await ok(manager.api, 'swarm.removeSecret', { kind: 'config', id: config.id })
  })

  it('leaves: the worker, then the manager only when forced', async () => {
    await ok(worker.api, 'swarm.leave', { force: false })
    expect((await fails(manager.api, 'swarm.leave', { force: false })).message).toMatch(/force/)
    await ok(manager.api, 'swarm.leave', { force: true })
    expect((await ok<SwarmStatus>(manager.api, 'swarm.status')).state).toBe('inactive')
  })
})
