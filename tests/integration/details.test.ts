import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionResult, CommitResult, ContainerChange, ContainerInspect, LogBatch, StatsSample } from '../../src/shared/types'
import { logLines } from '../../src/shared/logBatch'
import { fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, TEST_IMAGE, testDocker, testLabels, uniqueName, waitFor } from './support/engine'
import { collect } from './support/streams'
import { waitForExecExit } from '../../src/main/engine/execExit'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
const images: string[] = []

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  for (const image of images)
    await docker
      .getImage(image)
      .remove({ force: true })
      .catch(() => undefined)
})

/** Runs `cmd` to its end: a start without attaching returns before the command has run. */
async function exec(id: string, cmd: string[]): Promise<void> {
  const e = await docker.getContainer(id).exec({ Cmd: cmd })
  await e.start({ Detach: true })
  const { ExitCode } = await waitForExecExit(e, 30_000)
  expect(ExitCode, `${cmd.join(' ')} exited ${ExitCode}`).toBe(0)
}

function lines(batches: LogBatch[]) {
  return batches.flatMap(logLines)
}

describe('containers.inspect and containers.changes', () => {
  it('returns the engine’s inspect document', async () => {
    const c = await createTestContainer(docker, { name: uniqueName('insp') })
    const info = await ok<ContainerInspect>(ctx.api, 'containers.inspect', { id: c.id })
    expect(info.Id).toBe(c.id)
    expect((info.Config as { Cmd: string[] }).Cmd).toEqual(['sleep', '3600'])
  })

  it('lists the container layer’s added, changed and deleted paths', async () => {
    const c = await createTestContainer(docker, { start: true })
    // The command takes a moment, so a helper that returns before it has ended fails every time, not once in a while.
    await exec(c.id, ['sh', '-c', 'sleep 0.3 && mkdir -p /work && echo x > /work/new.txt && echo y >> /etc/hostname.copy && rm /bin/yes'])
    const changes = await ok<ContainerChange[]>(ctx.api, 'containers.changes', { id: c.id })
    expect(changes).toContainEqual({ path: '/work/new.txt', kind: 'A' })
    expect(changes).toContainEqual({ path: '/bin/yes', kind: 'D' })
    expect(changes).toContainEqual({ path: '/bin', kind: 'C' })
  })

  it('returns an empty list for a container that changed nothing (dockerd answers null)', async () => {
    const c = await createTestContainer(docker)
    expect(await ok<ContainerChange[]>(ctx.api, 'containers.changes', { id: c.id })).toEqual([])
  })

  it('answers not_found for a container that does not exist', async () => {
    const error = await fails(ctx.api, 'containers.inspect', { id: 'wharf-no-such-container' })
    expect(error.code).toBe('not_found')
    expect(error.message).toMatch(/No such container/)
  })
})

describe('containers.logs', () => {
  it('sends stdout and stderr apart, with timestamps, and ends with the log', async () => {
    const c = await createTestContainer(docker, {
      cmd: ['sh', '-c', 'echo out1; echo err1 >&2; printf "\\033[31mred\\033[0m\\n"; printf "no newline"'],
    })
    await c.start()
    await c.wait()
    const logs = collect<LogBatch>(ctx.api, 'containers.logs', { id: c.id, tail: 'all', follow: false, timestamps: true })
    expect(await logs.ended).toBeUndefined()
    const all = lines(logs.events)
    // The engine copies stdout and stderr concurrently: order holds within a stream only.
    expect(all.filter((l) => l.stream === 1).map((l) => l.text)).toEqual(['out1', '\u001b[31mred\u001b[0m', 'no newline'])
    expect(all.filter((l) => l.stream === 2).map((l) => l.text)).toEqual(['err1'])
    expect(all.every((l) => /^\d{4}-\d\d-\d\dT.*Z$/.test(l.time ?? ''))).toBe(true)
  })

  it('tails the last N lines, pages back with until, and follows new output until the container stops', async () => {
    const c = await createTestContainer(docker, { cmd: ['sh', '-c', 'for i in $(seq 1 50); do echo line-$i; done; sleep 2; echo after'] })
    await c.start()
    await waitFor(async () => (await c.logs({ stdout: true, tail: 1 })).toString().includes('line-50'), 'the first 50 lines')
    const tail = collect<LogBatch>(ctx.api, 'containers.logs', { id: c.id, tail: 5, follow: false, timestamps: true })
    await tail.ended
    const last5 = lines(tail.events)
    expect(last5.map((l) => l.text)).toEqual(['line-46', 'line-47', 'line-48', 'line-49', 'line-50'])

    const older = collect<LogBatch>(ctx.api, 'containers.logs', {
      id: c.id,
      tail: 3,
      follow: false,
      timestamps: true,
      before: last5[0].time!,
    })
    await older.ended
    expect(lines(older.events).map((l) => l.text)).toEqual(['line-43', 'line-44', 'line-45'])

    const follow = collect<LogBatch>(ctx.api, 'containers.logs', { id: c.id, tail: 0, follow: true, timestamps: false })
    await waitFor(() => lines(follow.events).some((l) => l.text === 'after'), 'the followed line')
    expect(await follow.ended).toBeUndefined()
  })

  it('keeps following a container that restarts, without repeating or losing lines, and ends when it is stopped', async () => {
    // Each run prints one line and exits at once; `always` brings it back after 0.1, 0.2, 0.4 s…
    const c = await docker.createContainer({
      Image: TEST_IMAGE,
      name: uniqueName('restarts'),
      Cmd: ['sh', '-c', 'echo "run $(cut -d" " -f1 /proc/uptime)"'],
      Labels: testLabels,
      HostConfig: { RestartPolicy: { Name: 'always' } },
    })
    const follow = collect<LogBatch>(ctx.api, 'containers.logs', { id: c.id, tail: 'all', follow: true, timestamps: false })
    let ended = false
    void follow.ended.then(() => (ended = true))
    await c.start()
    await waitFor(() => lines(follow.events).length >= 3 || ended, 'three runs', 15_000)
    expect(ended).toBe(false)
    const seen = lines(follow.events).map((l) => l.text)
    const engine = (await c.logs({ stdout: true, follow: false })).toString('latin1')
    const written = engine
      .split('\n')
      .filter((l) => l.includes('run '))
      .map((l) => l.slice(l.indexOf('run ')))
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual(written.slice(0, seen.length))
    await c.stop({ t: 1 })
    expect(await follow.ended).toBeUndefined()
  })

  it('keeps a 1 MiB line to its head and counts what was cut', async () => {
    const c = await createTestContainer(docker, { cmd: ['sh', '-c', 'head -c 1048576 /dev/zero | tr "\\0" a; echo; echo next'] })
    await c.start()
    await c.wait()
    const logs = collect<LogBatch>(ctx.api, 'containers.logs', { id: c.id, tail: 'all', follow: false, timestamps: false })
    await logs.ended
    const all = lines(logs.events)
    expect(all.at(-1)?.text).toBe('next')
    const long = all.slice(0, -1)
    // The json-file driver splits a long line into 16 KB messages; every part is bounded.
    expect(long.reduce((n, l) => n + l.text.length + (l.cut ?? 0), 0)).toBe(1048576)
    expect(long.every((l) => l.text.length <= 16 * 1024)).toBe(true)
  })

  it('ends with not_found for a missing container', async () => {
    const logs = collect<LogBatch>(ctx.api, 'containers.logs', { id: 'wharf-no-such-container', tail: 10, follow: true, timestamps: false })
    expect((await logs.ended)?.code).toBe('not_found')
  })
})

describe('containers.stats', () => {
  it('emits live samples for a running container and ends when it stops', async () => {
    const c = await createTestContainer(docker, { start: true, cmd: ['sh', '-c', 'while :; do :; done'] })
    const stats = collect<StatsSample>(ctx.api, 'containers.stats', { id: c.id })
    await waitFor(() => stats.events.length >= 2, 'two stats samples', 15_000)
    const last = stats.events.at(-1)!
    expect(last.cpuPercent).toBeGreaterThan(1)
    expect(last.memoryUsed).toBeGreaterThan(0)
    expect(last.memoryLimit).toBeGreaterThan(0)
    expect(last.pids).toBeGreaterThanOrEqual(1)
    await c.kill()
    expect(await Promise.race([stats.ended, new Promise((r) => setTimeout(() => r('still open'), 5000))])).toBeUndefined()
  }, 30_000)
})

describe('containers.update, rename, commit', () => {
  it('changes restart policy and limits of an existing container', async () => {
    const c = await createTestContainer(docker, { start: true })
    const result = await ok<ActionResult>(ctx.api, 'containers.update', {
      id: c.id,
      restart: 'on-failure',
      maxRetries: 2,
      cpus: '0.5',
      memory: '128m',
    })
    expect(result.state).toBe('running')
    const info = await c.inspect()
    expect(info.HostConfig).toMatchObject({
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 },
      NanoCpus: 5e8,
      Memory: 128 * 1024 * 1024,
    })
    const error = await fails(ctx.api, 'containers.update', { id: c.id, memory: '1k' })
    expect(error.fields?.memory).toBeTruthy()
  })

  it('renames, and reports the engine’s conflict for a taken name', async () => {
    const a = await createTestContainer(docker)
    const b = await createTestContainer(docker)
    const name = uniqueName('renamed')
    await ok(ctx.api, 'containers.rename', { id: a.id, name })
    expect((await a.inspect()).Name).toBe(`/${name}`)
    const error = await fails(ctx.api, 'containers.rename', { id: b.id, name })
    expect(error.code).toBe('conflict')
    expect(error.message).toContain(name)
  })

  it('commits a container to a new image with message and author, and refuses an invalid tag', async () => {
    const c = await createTestContainer(docker, { start: true })
    await exec(c.id, ['sh', '-c', 'echo committed > /marker'])
    const reference = `wharf-test/committed-${uniqueName('img').slice(-6)}:v1`
    images.push(reference)
    const result = await ok<CommitResult>(ctx.api, 'containers.commit', {
      id: c.id,
      reference,
      message: 'from wharf',
      author: 'Wharf Test',
    })
    const image = await docker.getImage(reference).inspect()
    expect(image.Id).toBe(result.imageId)
    expect(image).toMatchObject({ Comment: 'from wharf', Author: 'Wharf Test' })
    const error = await fails(ctx.api, 'containers.commit', { id: c.id, reference: 'Bad Tag:!!' })
    expect(error.code).toBe('invalid_input')
    expect(error.fields?.reference).toMatch(/image reference/)
  })
})
