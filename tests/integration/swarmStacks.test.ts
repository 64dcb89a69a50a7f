/**
 * Swarm stacks (E6) on the private swarm test engine (scripts/lib/swarmEngines.mjs, never
 * the shared one): a two-service stack deployed from a compose file through the docker
 * CLI's `docker stack deploy`, as Wharf runs it, then removed through the Engine API.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Dockerode from 'dockerode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_IMAGE } from '../../scripts/lib/dockerd.mjs'
import { MANAGER_ADDR, SWARM_APP_IMAGES, startSwarmEngines } from '../../scripts/lib/swarmEngines.mjs'
import type { TaskInfo } from '../../src/shared/tasks'
import type { StackResources, StackToolInfo, SwarmService } from '../../src/shared/swarm/types'
import { fails, ok, startApi, type TestApp } from './support/app'
import { waitFor } from './support/engine'

const STACK = 'wharf-it-stack'
let manager: TestApp
let outside: TestApp
let env: Awaited<ReturnType<typeof startSwarmEngines>>
let dir: string
let file: string

const dockerAt = (host: string) => new Dockerode({ socketPath: host.replace('unix://', '') })

async function leaveAll(): Promise<void> {
  for (const host of [env.WHARF_TEST_SWARM_WORKER, env.WHARF_TEST_SWARM_MANAGER])
    await dockerAt(host)
      .swarmLeave({ force: true })
      .catch((err: { statusCode?: number }) => {
        if (err.statusCode !== 503) throw err
      })
}

const ended = (app: TestApp, id: number) =>
  waitFor(
    async () => (await ok<TaskInfo[]>(app.api, 'tasks.list')).find((t) => t.id === id && t.state !== 'running'),
    'the stack task to end',
    90_000,
  )

beforeAll(async () => {
  env = await startSwarmEngines(() => undefined)
  await leaveAll()
  manager = await startApi(env.WHARF_TEST_SWARM_MANAGER)
  // The worker's engine, outside any swarm here: what a user who picked the wrong engine meets.
  outside = await startApi(env.WHARF_TEST_SWARM_WORKER)
  await ok(manager.api, 'swarm.init', { advertiseAddr: MANAGER_ADDR, listenAddr: '' })
  dir = mkdtempSync(join(tmpdir(), 'wharf-it-stack-'))
  writeFileSync(join(dir, 'token.txt'), 'not-a-real-token\n')
  file = join(dir, 'stack.yml')
  writeFileSync(
    file,
    [
      'version: "3.8"',
      'services:',
      '  web:',
      `    image: ${SWARM_APP_IMAGES[0]}`,
      '    deploy:',
      '      replicas: 2',
      '  worker:',
      `    image: ${TEST_IMAGE}`,
      `    command: ["sh", "-c", "trap 'exit 0' TERM; echo worker up; while :; do sleep 1; done"]`,
      '    secrets: [token]',
      'secrets:',
      '  token:',
      '    file: ./token.txt',
      '',
    ].join('\n'),
  )
})

afterAll(async () => {
  await manager?.app.dispose()
  await outside?.app.dispose()
  if (env) await leaveAll()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('swarm stacks (E6)', () => {
  it('refuses bad names, bad paths and an engine that is not a swarm manager, saying why', async () => {
    expect(await ok<StackToolInfo>(manager.api, 'swarm.stackTool', {})).toMatchObject({ found: true })
    const badName = await fails(manager.api, 'swarm.deployStack', { name: 'My Stack', file, prune: false, resolveImage: 'never' })
    expect(badName).toMatchObject({ code: 'invalid_input' })
    expect(badName.message).toContain('A stack name is lowercase letters, digits, _ and -')
    const relative = await fails(manager.api, 'swarm.deployStack', { name: STACK, file: 'stack.yml', prune: false, resolveImage: 'never' })
    expect(relative.message).toContain('An absolute path on the machine running Wharf')
    const missing = await fails(manager.api, 'swarm.deployStack', {
      name: STACK,
      file: join(dir, 'none.yml'),
      prune: false,
      resolveImage: 'never',
    })
    expect(missing).toMatchObject({ code: 'not_found', message: `No file at ${join(dir, 'none.yml')}` })
    const notManager = await fails(outside.api, 'swarm.deployStack', { name: STACK, file, prune: false, resolveImage: 'never' })
    expect(notManager.message).toMatch(/not in a swarm; a stack needs a swarm manager/)
    expect((await fails(manager.api, 'swarm.removeStack', { name: STACK })).message).toBe(`No stack "${STACK}" on this swarm`)
  })

  it('deploys a two-service stack from a compose file with docker stack deploy, then removes it with everything it made', async () => {
    const deploy = await ok<TaskInfo>(manager.api, 'swarm.deployStack', { name: STACK, file, prune: false, resolveImage: 'never' })
    expect(deploy).toMatchObject({ kind: 'stack', state: 'running', engine: 'local' })
    const done = await ended(manager, deploy.id)
    expect(done.state, done.message).toBe('done')
    expect(done.log?.[0]).toBe(`$ docker stack deploy -c ${file} --resolve-image never ${STACK}`)
    expect(done.log?.join('\n')).toContain(`Creating service ${STACK}_web`)

    const resources = await ok<StackResources>(manager.api, 'swarm.stack', { name: STACK })
    expect(resources).toMatchObject({
      name: STACK,
      networks: [`${STACK}_default`],
      secrets: [`${STACK}_token`],
      configs: [],
    })
    expect(resources.services.map((s) => s.name)).toEqual([`${STACK}_web`, `${STACK}_worker`])
    const services = await waitFor(
      async () => {
        const list = (await ok<SwarmService[]>(manager.api, 'swarm.services')).filter((s) => s.stack === STACK)
        return list.length === 2 && list.every((s) => s.running === s.desired) ? list : undefined
      },
      'the stack’s tasks to run',
      60_000,
    )
    expect(services.map((s) => [s.name, s.desired, s.image]).sort()).toEqual([
      [`${STACK}_web`, 2, SWARM_APP_IMAGES[0]],
      [`${STACK}_worker`, 1, TEST_IMAGE],
    ])

    const remove = await ok<TaskInfo>(manager.api, 'swarm.removeStack', { name: STACK })
    const removed = await ended(manager, remove.id)
    expect(removed.state, removed.message).toBe('done')
    expect(removed.message).toBe(`Stack ${STACK} removed (2 services, 1 networks, 1 secrets and configs)`)
    expect(removed.log).toEqual(expect.arrayContaining([`Removing service ${STACK}_web`, `Removing network ${STACK}_default`]))
    expect(await ok<StackResources>(manager.api, 'swarm.stack', { name: STACK })).toEqual({
      name: STACK,
      services: [],
      networks: [],
      secrets: [],
      configs: [],
    })
    const docker = dockerAt(env.WHARF_TEST_SWARM_MANAGER)
    expect((await docker.listNetworks()).map((n) => n.Name)).not.toContain(`${STACK}_default`)
  })
})
