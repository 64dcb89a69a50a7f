import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDockerRun } from '../../src/shared/run/cliParse'
import { emptyRunSpec, type RunSpec } from '../../src/shared/run/spec'
import type { CreateResult } from '../../src/shared/types'
import { fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, runId, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
const volumes: string[] = []

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  for (const name of volumes)
    await docker
      .getVolume(name)
      .remove()
      .catch(() => undefined)
})

function spec(patch: Partial<RunSpec>): RunSpec {
  return { ...emptyRunSpec(), image: TEST_IMAGE, labels: [`wharf.test=${runId}`], ...patch }
}

describe('containers.create (run form)', () => {
  it('creates and starts a container with every field as the engine reports it back', async () => {
    const name = uniqueName('run')
    const volume = `${name}-data`
    volumes.push(volume)
    const dir = await mkdtemp(join(tmpdir(), 'wharf-run-'))
    const envFile = join(dir, 'app.env')
    await writeFile(envFile, '# comment\nFROM_FILE=1\nSHARED=file\n')
    const result = await ok<CreateResult>(ctx.api, 'containers.create', {
      start: true,
      spec: spec({
        name,
        command: ['httpd', '-f', '-p', '8080'],
        env: ['GREETING=hello world', 'SHARED=flag'],
        envFiles: [envFile],
        ports: [{ hostIp: '127.0.0.1', hostPort: '', containerPort: '8080', protocol: 'tcp' }],
        mounts: [
          { type: 'volume', source: volume, target: '/data', readOnly: false },
          { type: 'bind', source: dir, target: '/host', readOnly: true },
          { type: 'tmpfs', source: '', target: '/scratch', readOnly: false },
          { type: 'volume', source: '', target: '/anon', readOnly: false },
        ],
        restart: 'on-failure',
        maxRetries: '3',
        workdir: '/data',
        user: '0:0',
        hostname: 'webbox',
        labels: [`wharf.test=${runId}`, 'com.example.tier=web'],
        tty: true,
        interactive: true,
        memory: '64m',
        cpus: '0.5',
      }),
    })
    expect(result).toMatchObject({ name, started: true })
    const info = await docker.getContainer(result.id).inspect()
    expect(info.State.Running).toBe(true)
    expect(info.Config.Cmd).toEqual(['httpd', '-f', '-p', '8080'])
    expect(info.Config.Env).toEqual(expect.arrayContaining(['GREETING=hello world', 'FROM_FILE=1', 'SHARED=flag']))
    expect(info.Config.Env).not.toContain('SHARED=file')
    expect(info.Config).toMatchObject({ WorkingDir: '/data', User: '0:0', Hostname: 'webbox', Tty: true, OpenStdin: true })
    expect(info.Config.Labels['com.example.tier']).toBe('web')
    expect(info.HostConfig).toMatchObject({
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
      Memory: 64 * 1024 * 1024,
      NanoCpus: 5e8,
    })
    expect(info.HostConfig.Tmpfs).toEqual({ '/scratch': '' })
    const mounts = Object.fromEntries(info.Mounts.map((m) => [m.Destination, m]))
    expect(mounts['/data']).toMatchObject({ Type: 'volume', Name: volume, RW: true })
    expect(mounts['/host']).toMatchObject({ Type: 'bind', Source: dir, RW: false })
    expect(mounts['/anon']).toMatchObject({ Type: 'volume' })
    const port = info.NetworkSettings.Ports['8080/tcp']?.[0]
    expect(port?.HostIp).toBe('127.0.0.1')
    expect(Number(port?.HostPort)).toBeGreaterThan(0)
    // The named volume was created on the fly.
    expect((await docker.getVolume(volume).inspect()).Name).toBe(volume)
  })

  it('creates from a pasted docker run line exactly as the CLI would, without starting when asked', async () => {
    const name = uniqueName('cli')
    const { spec: parsed, problems } = parseDockerRun(
      `docker run --name ${name} -l wharf.test=${runId} --restart=unless-stopped -e A=1 --entrypoint /bin/sh ${TEST_IMAGE} -c 'echo hi'`,
    )
    expect(problems).toEqual([])
    const result = await ok<CreateResult>(ctx.api, 'containers.create', { spec: parsed, start: false })
    const info = await docker.getContainer(result.id).inspect()
    expect(info.State.Status).toBe('created')
    expect(info.Config.Entrypoint).toEqual(['/bin/sh'])
    expect(info.Config.Cmd).toEqual(['-c', 'echo hi'])
    expect(info.HostConfig.RestartPolicy?.Name).toBe('unless-stopped')
  })

  it('joins another container’s network with container:<name>', async () => {
    const web = await createTestContainer(docker, { start: true })
    const webName = (await web.inspect()).Name.slice(1)
    const result = await ok<CreateResult>(ctx.api, 'containers.create', {
      spec: spec({ network: `container:${webName}`, command: ['sleep', '60'] }),
      start: true,
    })
    const info = await docker.getContainer(result.id).inspect()
    expect(info.HostConfig.NetworkMode).toBe(`container:${web.id}`)
  })

  it('reports a port that is already taken with the engine’s reason and keeps the created container', async () => {
    const first = await ok<CreateResult>(ctx.api, 'containers.create', {
      spec: spec({
        command: ['httpd', '-f', '-p', '80'],
        ports: [{ hostIp: '127.0.0.1', hostPort: '', containerPort: '80', protocol: 'tcp' }],
      }),
      start: true,
    })
    // A fixed port: take one the first container got, then ask for it again.
    const taken = first ? (await docker.getContainer(first.id).inspect()).NetworkSettings.Ports['80/tcp']?.[0]?.HostPort : undefined
    expect(taken).toBeTruthy()
    const name = uniqueName('clash')
    const error = await fails(ctx.api, 'containers.create', {
      spec: spec({ name, ports: [{ hostIp: '127.0.0.1', hostPort: taken!, containerPort: '80', protocol: 'tcp' }] }),
      start: true,
    })
    expect(error.message).toMatch(new RegExp(`^Created ${name}, but it could not start: .*(already allocated|address already in use)`))
    expect((await docker.getContainer(name).inspect()).State.Status).toBe('created')
  })

  it('refuses invalid input field by field before the engine is asked', async () => {
    const error = await fails(ctx.api, 'containers.create', {
      spec: spec({ name: 'x', memory: '12q', ports: [{ hostIp: '', hostPort: '99999', containerPort: '80', protocol: 'tcp' }] }),
      start: true,
    })
    expect(error.code).toBe('invalid_input')
    expect(Object.keys(error.fields ?? {})).toEqual(['spec.name', 'spec.ports.0.hostPort', 'spec.memory'])
    expect(error.fields?.['spec.memory']).toBe('A size with a unit, e.g. 512m or 1g')
  })

  it('shows the engine’s message for an image that does not exist', async () => {
    const error = await fails(ctx.api, 'containers.create', { spec: spec({ image: 'wharf-test/no-such-image:1' }), start: true })
    expect(error.message).toMatch(/No such image: wharf-test\/no-such-image:1/)
  })

  it('lists the engine’s images for the form to suggest', async () => {
    const images = await ok<Array<{ tags: string[]; size: number }>>(ctx.api, 'images.list')
    const test = images.find((i) => i.tags.includes(TEST_IMAGE))
    expect(test?.size).toBeGreaterThan(0)
  })

  it('names a conflict with an existing container name', async () => {
    const existing = await createTestContainer(docker)
    const name = (await existing.inspect()).Name.slice(1)
    const error = await fails(ctx.api, 'containers.create', { spec: spec({ name }), start: false })
    expect(error.code).toBe('conflict')
    expect(error.message).toContain(`"/${name}" is already in use`)
  })
})
