import { createWriteStream, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TaskInfo } from '../../src/shared/tasks'
import type { ImageSummary } from '../../src/shared/types'
import { download as startDownload, fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, runId, testDocker, waitFor } from './support/engine'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
const refs: string[] = []

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  for (const ref of refs)
    await docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => undefined)
})

describe('save and load (docker save / docker load)', () => {
  it('saves two tags to a tar, streamed, and loads them back with the same id and names', async () => {
    const c = await createTestContainer(docker, { cmd: ['sh', '-c', 'head -c 200000 /dev/urandom > /blob'] })
    await c.start()
    await c.wait()
    const repo = `wharf-it/${runId}-saved`
    const { Id } = (await c.commit({ repo, tag: 'one' })) as { Id: string }
    await docker.getImage(Id).tag({ repo, tag: 'two' })
    refs.push(`${repo}:one`, `${repo}:two`)
    const download = await startDownload(ctx, { kind: 'images', names: [`${repo}:one`, `${repo}:two`] })
    expect(download).toMatchObject({ filename: '2-images.tar', contentType: 'application/x-tar' })
    const file = join(mkdtempSync(join(tmpdir(), 'wharf-save-')), 'images.tar')
    await pipeline(download.body, createWriteStream(file))
    expect(statSync(file).size).toBeGreaterThan(200_000)

    await docker.getImage(Id).remove({ force: true })
    expect((await ok<ImageSummary[]>(ctx.api, 'images.list')).some((i) => i.id === Id)).toBe(false)
    const task = await ok<TaskInfo>(ctx.api, 'images.load', { path: file })
    expect(task.kind).toBe('load')
    const ended = await waitFor(
      async () => (await ok<TaskInfo[]>(ctx.api, 'tasks.list')).find((t) => t.id === task.id && t.state !== 'running'),
      'the load',
      30_000,
    )
    expect(ended.state, ended.message).toBe('done')
    expect(ended.message).toContain(`Loaded image: ${repo}:one`)
    const back = (await ok<ImageSummary[]>(ctx.api, 'images.list')).find((i) => i.id === Id)
    expect(back?.tags.sort()).toEqual([`${repo}:one`, `${repo}:two`])
  })

  it('refuses bad names, missing images and missing files with clear messages', async () => {
    await expect(startDownload(ctx, { kind: 'images', names: ['Not Valid'] })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(startDownload(ctx, { kind: 'images', names: [] })).rejects.toMatchObject({ code: 'invalid_input' })
    await expect(startDownload(ctx, { kind: 'images', names: [`wharf-it/${runId}-none:x`] })).rejects.toMatchObject({ code: 'not_found' })
    expect((await fails(ctx.api, 'images.load', { path: '/no/such/file.tar' })).fields?.path).toMatch(/No file at/)
    expect((await fails(ctx.api, 'images.load', { path: 'relative.tar' })).fields?.path).toMatch(/absolute/)
  })
})
