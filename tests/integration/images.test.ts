import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryEntry, ImageDetail, ImageRemoveResult } from '../../src/shared/images'
import type { ListChange } from '../../src/shared/listChange'
import type { ImageSummary } from '../../src/shared/types'
import { fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, runId, TEST_IMAGE, testDocker, uniqueName, waitFor } from './support/engine'
import { collect } from './support/streams'

const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
/** Repositories this file creates; removed at the end (tests touch nothing else). */
const repo = `wharf-it/${runId}`
const made: string[] = []

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  for (const id of made.reverse())
    await docker
      .getImage(id)
      .remove({ force: true })
      .catch(() => undefined)
})

/** An image with one known layer: a file written in a container, committed. */
async function commitImage(tag: string | undefined, file = '/hello.txt', message = 'add hello'): Promise<string> {
  const c = await createTestContainer(docker, { cmd: ['sh', '-c', `echo hi > ${file}`] })
  await c.start()
  await c.wait()
  const { Id } = (await c.commit({
    ...(tag ? { repo, tag } : {}),
    comment: message,
    changes: ['CMD ["sh"]', 'EXPOSE 8080', 'ENV MODE=test'],
  })) as {
    Id: string
  }
  made.push(Id)
  await c.remove()
  return Id
}

const list = () => ok<ImageSummary[]>(ctx.api, 'images.list')

describe('images', () => {
  it('lists images with their names, digests, danglingness and the containers using them', async () => {
    const id = await commitImage('listed')
    const name = uniqueName('img-user')
    const c = await docker.createContainer({ Image: `${repo}:listed`, name, Labels: { 'wharf.test': runId } })
    const row = (await list()).find((i) => i.id === id)
    expect(row).toMatchObject({ tags: [`${repo}:listed`], dangling: false, digests: [] })
    expect(row?.usedBy).toEqual([{ id: c.id, name, state: 'created' }])
    expect((await list()).find((i) => i.tags.includes(TEST_IMAGE))?.dangling).toBe(false)
  })

  it('inspects the config a container starts with, and the history of each layer', async () => {
    const id = await commitImage('inspected', '/a.txt', 'write a.txt')
    const detail = await ok<ImageDetail>(ctx.api, 'images.inspect', { id: `${repo}:inspected` })
    expect(detail).toMatchObject({ id, tags: [`${repo}:inspected`], comment: 'write a.txt', os: 'linux' })
    expect(detail.config).toMatchObject({ cmd: ['sh'], exposedPorts: ['8080/tcp'] })
    expect(detail.config.env).toContain('MODE=test')
    expect(detail.layers.length).toBeGreaterThanOrEqual(2)
    const history = await ok<HistoryEntry[]>(ctx.api, 'images.history', { id })
    expect(history[0]).toMatchObject({ id, comment: 'write a.txt', tags: [`${repo}:inspected`] })
    expect(history[0].createdBy).toContain('echo hi > /a.txt')
    expect(history[0].size).toBeGreaterThan(0)
    expect(history.at(-1)?.createdBy).toBeDefined()
  })

  it('tags, untags while other names remain, and reports image events', async () => {
    const id = await commitImage('one')
    const events = collect<ListChange<ImageSummary>>(ctx.api, 'images.changed', {})
    const rowSent = (tags: (t: string[]) => boolean, from = 0): boolean =>
      events.events.slice(from).some((e) => e.upsert.some((i) => i.id === id && tags(i.tags)))
    expect(await ok(ctx.api, 'images.tag', { id, reference: `${repo}:two` })).toEqual({ tagged: `${repo}:two` })
    expect(await ok(ctx.api, 'images.tag', { id, reference: `${repo}-bare` })).toEqual({ tagged: `${repo}-bare:latest` })
    // The engine's tag events reach the list as the image's row with its new names.
    await waitFor(() => rowSent((t) => t.includes(`${repo}:two`)), 'the tagged row')
    expect((await list()).find((i) => i.id === id)?.tags.sort()).toEqual([`${repo}-bare:latest`, `${repo}:one`, `${repo}:two`])
    const beforeUntag = events.events.length
    const untag = await ok<ImageRemoveResult>(ctx.api, 'images.remove', { id: `${repo}:two` })
    expect(untag).toEqual({ untagged: [`${repo}:two`], deleted: [] })
    await waitFor(() => rowSent((t) => !t.includes(`${repo}:two`) && t.includes(`${repo}:one`), beforeUntag), 'the untagged row')
    events.close()
    const bad = await fails(ctx.api, 'images.tag', { id, reference: 'Upper/Case:tag' })
    expect(bad.code).toBe('invalid_input')
    expect(bad.fields?.reference).toMatch(/lower-case/)
  })

  it('refuses to remove an image a container uses and names the container; force removes it once stopped', async () => {
    const id = await commitImage('used')
    const name = uniqueName('holder')
    const c = await docker.createContainer({ Image: `${repo}:used`, name, Cmd: ['sleep', '3600'], Labels: { 'wharf.test': runId } })
    await c.start()
    const refused = await fails(ctx.api, 'images.remove', { id })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain(`Used by: ${name} (running)`)
    // The engine never removes the image of a running container; of a stopped one, with force.
    await c.kill()
    const forced = await ok<ImageRemoveResult>(ctx.api, 'images.remove', { id, force: true })
    expect(forced.untagged).toContain(`${repo}:used`)
    const missing = await fails(ctx.api, 'images.inspect', { id: 'wharf-it/no-such-image:nope' })
    expect(missing.code).toBe('not_found')
  })

  it('lists prune candidates (dangling, or every unused image) without removing anything', async () => {
    const dangling = await commitImage(undefined)
    const unusedTagged = await commitImage('unused')
    const onlyDangling = await ok<ImageSummary[]>(ctx.api, 'images.pruneCandidates', { all: false })
    expect(onlyDangling.some((i) => i.id === dangling)).toBe(true)
    expect(onlyDangling.some((i) => i.id === unusedTagged)).toBe(false)
    const everyUnused = await ok<ImageSummary[]>(ctx.api, 'images.pruneCandidates', { all: true })
    expect(everyUnused.some((i) => i.id === unusedTagged)).toBe(true)
    expect(everyUnused.every((i) => i.usedBy.length === 0)).toBe(true)
    expect((await list()).some((i) => i.id === dangling)).toBe(true)
  })

  it('has no native file dialog in browser mode, and says to type the path', async () => {
    const refused = await fails(ctx.api, 'system.pickPath', { kind: 'folder' })
    expect(refused.code).toBe('unsupported')
    expect(refused.message).toMatch(/type the path/)
  })

  const privateOnly =
    'prune removes every dangling image of the engine: run only on the private test engine (npm test sets WHARF_PRIVATE_ENGINE)'
  if (!process.env.WHARF_PRIVATE_ENGINE) console.log(`SKIPPED image prune test: ${privateOnly}`)
  it.runIf(process.env.WHARF_PRIVATE_ENGINE)('prunes dangling images and says how much space came back (private engine only)', async () => {
    const dangling = await commitImage(undefined, '/big.bin')
    const result = await ok<{ deleted: string[]; spaceReclaimed: number }>(ctx.api, 'images.prune', { all: false })
    expect(result.deleted).toContain(dangling)
    expect(result.spaceReclaimed).toBeGreaterThan(0)
  })
})
