import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDockerRun } from '../../src/shared/run/cliParse'
import { emptyRunSpec, type RunSpec } from '../../src/shared/run/spec'
import type { CreateResult } from '../../src/shared/types'
import { fails, ok, startApi } from './support/app'
import { cleanup, runId, TEST_IMAGE, testDocker, uniqueName } from './support/engine'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
})

function spec(patch: Partial<RunSpec>): RunSpec {
  return { ...emptyRunSpec(), image: TEST_IMAGE, labels: [`wharf.test=${runId}`], ...patch }
}

describe('containers.create with health check, limits, privileges and logging', () => {
  it('gives the container every option, as its inspect reports', async () => {
    const result = await ok<CreateResult>(ctx.api, 'containers.create', {
      start: true,
      spec: spec({
        name: uniqueName('hostopts'),
        command: ['sleep', '300'],
        health: { cmd: 'test -d /proc', interval: '2s', timeout: '1s', startPeriod: '1m30s', retries: '4', disabled: false },
        ulimits: ['nofile=1024:2048', 'nproc=512'],
        capAdd: ['NET_ADMIN', 'CAP_SYS_PTRACE'],
        capDrop: ['mknod'],
        devices: ['/dev/null:/dev/wharfnull:r'],
        logDriver: 'json-file',
        logOpts: ['max-size=10m', 'max-file=3'],
        init: true,
      }),
    })
    const info = await docker.getContainer(result.id).inspect()
    expect(info.State.Running).toBe(true)
    expect(info.Config.Healthcheck).toEqual({
      Test: ['CMD-SHELL', 'test -d /proc'],
      Interval: 2e9,
      Timeout: 1e9,
      StartPeriod: 90e9,
      Retries: 4,
    })
    expect(info.HostConfig.Ulimits).toEqual([
      { Name: 'nofile', Soft: 1024, Hard: 2048 },
      { Name: 'nproc', Soft: 512, Hard: 512 },
    ])
    expect(info.HostConfig.CapAdd).toEqual(['CAP_NET_ADMIN', 'CAP_SYS_PTRACE'])
    expect(info.HostConfig.CapDrop).toEqual(['CAP_MKNOD'])
    expect(info.HostConfig.Devices).toEqual([{ PathOnHost: '/dev/null', PathInContainer: '/dev/wharfnull', CgroupPermissions: 'r' }])
    expect(info.HostConfig.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '3' } })
    expect(info.HostConfig.Init).toBe(true)
    // The init process really is PID 1, with the command below it.
    const exec = await docker.getContainer(result.id).exec({ Cmd: ['cat', '/proc/1/comm'], AttachStdout: true })
    const stream = await exec.start({ hijack: true, stdin: false })
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).toString()).toMatch(/init/)
  })

  it('creates from a pasted line with --no-healthcheck and --ulimit as the CLI would', async () => {
    const { spec: parsed, problems } = parseDockerRun(
      `docker run --name ${uniqueName('pasted')} -l wharf.test=${runId} --no-healthcheck --ulimit core=-1 --init ${TEST_IMAGE} true`,
    )
    expect(problems).toEqual([])
    const result = await ok<CreateResult>(ctx.api, 'containers.create', { spec: parsed, start: false })
    const info = await docker.getContainer(result.id).inspect()
    expect(info.Config.Healthcheck).toEqual({ Test: ['NONE'] })
    expect(info.HostConfig.Ulimits).toEqual([{ Name: 'core', Soft: -1, Hard: -1 }])
  })

  it('refuses bad values field by field in main, before the engine is asked', async () => {
    const error = await fails(ctx.api, 'containers.create', {
      spec: spec({
        health: { ...emptyRunSpec().health, interval: '10', disabled: true },
        ulimits: ['nofile=10:5'],
        capAdd: ['NET ADMIN'],
      }),
      start: false,
    })
    expect(error.code).toBe('invalid_input')
    expect(error.fields).toMatchObject({
      'spec.health.interval': expect.stringContaining('duration') as unknown,
      'spec.health.disabled': expect.stringContaining('health check') as unknown,
      'spec.ulimits.0': 'The soft limit must not exceed the hard limit',
      'spec.capAdd.0': expect.stringContaining('capability') as unknown,
    })
  })

  it('shows the engine’s own refusal of a device that does not exist', async () => {
    const error = await fails(ctx.api, 'containers.create', {
      spec: spec({ name: uniqueName('nodev'), devices: ['/dev/wharf-no-such-device'] }),
      start: true,
    })
    expect(error.message).toMatch(/wharf-no-such-device/)
  })
})
