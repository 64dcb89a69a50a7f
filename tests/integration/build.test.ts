import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LayerExplorerResult } from '../../src/shared/layers'
import type { TaskInfo } from '../../src/shared/tasks'
import { fails, ok, startApi } from './support/app'
import { cleanup, runId, TEST_IMAGE, testDocker, waitFor } from './support/engine'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
const tags: string[] = []

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  for (const tag of tags)
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined)
})

function contextWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-build-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

async function ended(id: number): Promise<TaskInfo> {
  return waitFor(
    async () => (await ok<TaskInfo[]>(ctx.api, 'tasks.list')).find((t) => t.id === id && t.state !== 'running'),
    'the build',
    60_000,
  )
}

describe('build (docker build)', () => {
  it('builds a multi-stage Dockerfile with tags, args and a target; .dockerignore keeps a large file out of the context', async () => {
    const tag = `wharf-it/${runId}-built:v1`
    tags.push(tag, `wharf-it/${runId}-built:latest`)
    const dir = contextWith({
      Dockerfile: [
        `FROM ${TEST_IMAGE} AS base`,
        'ARG GREETING=unset',
        'COPY . /ctx',
        'RUN echo "$GREETING" > /greeting && ls -a /ctx > /listing',
        `FROM ${TEST_IMAGE} AS final`,
        'COPY --from=base /greeting /listing /',
        'CMD ["cat", "/greeting"]',
      ].join('\n'),
      '.dockerignore': 'big.bin\nlogs/\n',
      'app.txt': 'app',
      'big.bin': Buffer.alloc(8 * 1024 * 1024, 7),
      'logs/old.log': 'old',
    })
    const task = await ok<TaskInfo>(ctx.api, 'images.build', {
      context: dir,
      tags: [tag, `wharf-it/${runId}-built:latest`],
      buildArgs: ['GREETING=hello from args'],
      target: 'final',
      noCache: true,
      pull: false,
    })
    expect(task.kind).toBe('build')
    const done = await ended(task.id)
    expect(done.state, done.message).toBe('done')
    expect(done.message).toMatch(/^Built sha256:[0-9a-f]{64} as /)
    expect(done.log?.some((l) => /^Step \d+\/\d+ : COPY \. \/ctx/.test(l))).toBe(true)
    // The large file never reached the engine: the context the build saw lists no big.bin.
    const run = await docker.createContainer({ Image: tag, Cmd: ['cat', '/listing', '/greeting'], Labels: { 'wharf.test': runId } })
    await run.start()
    await run.wait()
    const out = (await run.logs({ stdout: true })).toString('latin1')
    expect(out).toContain('app.txt')
    expect(out).toContain('Dockerfile')
    expect(out).not.toContain('big.bin')
    expect(out).not.toContain('logs')
    expect(out).toContain('hello from args')
  })

  it('reports a failing RUN step as the step it stopped at', async () => {
    const dir = contextWith({ Dockerfile: `FROM ${TEST_IMAGE}\nRUN echo fine\nRUN echo broken-step && exit 3\nRUN echo never\n` })
    const task = await ok<TaskInfo>(ctx.api, 'images.build', { context: dir, tags: [], buildArgs: [], noCache: true, pull: false })
    const done = await ended(task.id)
    expect(done.state).toBe('failed')
    expect(done.message).toMatch(/^Step 3\/4 : RUN echo broken-step && exit 3 — The command .* returned a non-zero code: 3/)
    expect(done.log).toContain('broken-step')
  })

  it('refuses a missing folder, a relative path and a Dockerfile outside the context', async () => {
    const missing = await fails(ctx.api, 'images.build', {
      context: '/no/such/folder',
      tags: [],
      buildArgs: [],
      noCache: false,
      pull: false,
    })
    expect(missing.fields?.context).toMatch(/No folder at/)
    const relative = await fails(ctx.api, 'images.build', { context: 'some/dir', tags: [], buildArgs: [], noCache: false, pull: false })
    expect(relative.fields?.context).toMatch(/absolute/)
    const dir = contextWith({ Dockerfile: `FROM ${TEST_IMAGE}\n` })
    const outside = await fails(ctx.api, 'images.build', {
      context: dir,
      dockerfile: '../../etc/passwd',
      tags: [],
      buildArgs: [],
      noCache: false,
      pull: false,
    })
    expect(outside.fields?.dockerfile).toMatch(/inside the context/)
    const badArg = await fails(ctx.api, 'images.build', {
      context: dir,
      tags: ['UPPER'],
      buildArgs: ['no equals'],
      noCache: false,
      pull: false,
    })
    expect(Object.keys(badArg.fields ?? {}).sort()).toEqual(['buildArgs.0', 'tags.0'])
  })
})

describe('layer explorer', () => {
  it('shows per layer the files added, overwritten and deleted, and the wasted bytes, exactly', async () => {
    const tag = `wharf-it/${runId}-layers:v1`
    tags.push(tag)
    const dir = contextWith({
      Dockerfile: [
        `FROM ${TEST_IMAGE}`,
        'RUN mkdir /app && printf 1234567890 > /app/data.txt && printf gone > /app/old.txt',
        'RUN printf 12345678901234567890 > /app/data.txt',
        'RUN rm /app/old.txt',
        'CMD ["sh"]',
      ].join('\n'),
    })
    const task = await ok<TaskInfo>(ctx.api, 'images.build', { context: dir, tags: [tag], buildArgs: [], noCache: true, pull: false })
    expect((await ended(task.id)).state).toBe('done')
    const result = await ok<LayerExplorerResult>(ctx.api, 'images.layers', { id: tag })
    const [, add, overwrite, remove] = result.layers
    expect(result.layers).toHaveLength(4)
    const mine = (changes: LayerExplorerResult['layers'][number]['changes']) =>
      changes.filter((c) => c.path.startsWith('/app')).map((c) => `${c.change} ${c.path} ${c.size}`)
    expect(add.createdBy).toContain('mkdir /app')
    expect(mine(add.changes)).toEqual(['added /app 0', 'added /app/data.txt 10', 'added /app/old.txt 4'])
    expect(mine(overwrite.changes)).toEqual(['changed /app/data.txt 20'])
    expect(mine(remove.changes)).toEqual(['removed /app/old.txt 0'])
    expect(add.wasted).toBe(14)
    expect(result.wastedBytes).toBe(14)
    expect(result.files.find((f) => f.path === '/app/data.txt')).toEqual({ path: '/app/data.txt', kind: 'file', size: 20, layer: 2 })
    expect(result.files.some((f) => f.path === '/app/old.txt')).toBe(false)
    expect(result.files.some((f) => f.path === '/bin/busybox')).toBe(true)
  })
})
