import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImageSearchResult } from '../../src/shared/imageSearch'
import { fails, ok, startApi } from './support/app'

const registry = process.env.WHARF_TEST_REGISTRY
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
})

/** A port nothing listens on: one the system just gave out and took back. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

describe('images.search (run form suggestions)', () => {
  it.runIf(registry)('lists the repositories of a registry named in the term, then its tags', async () => {
    const catalog = await fetch(`http://${registry}/v2/_catalog`).then((r) => r.json() as Promise<{ repositories: string[] }>)
    const repo = catalog.repositories[0]
    expect(repo).toBeTruthy()
    const found = await ok<ImageSearchResult>(ctx.api, 'images.search', { term: `${registry}/${repo.slice(0, -1)}` })
    expect(found.unreachable).toEqual([])
    expect(found.hits.map((h) => h.reference)).toContain(`${registry}/${repo}`)
    expect(found.hits.every((h) => h.source === registry)).toBe(true)

    const tags = await fetch(`http://${registry}/v2/${repo}/tags/list`).then((r) => r.json() as Promise<{ tags: string[] }>)
    const withTags = await ok<ImageSearchResult>(ctx.api, 'images.search', { term: `${registry}/${repo}:` })
    expect(withTags.hits.map((h) => h.reference).sort()).toEqual(tags.tags.map((t) => `${registry}/${repo}:${t}`).sort())
  })

  it('says where it could not search, with the reason, instead of an empty list', async () => {
    const port = await closedPort()
    const closed = await ok<ImageSearchResult>(ctx.api, 'images.search', { term: `127.0.0.1:${port}/anything` })
    expect(closed.hits).toEqual([])
    expect(closed.unreachable).toEqual([{ source: `127.0.0.1:${port}`, message: expect.stringMatching(/ECONNREFUSED|refused/) as unknown }])
    // Docker Hub is offline on the test machines: the engine's own error comes back.
    const hub = await ok<ImageSearchResult>(ctx.api, 'images.search', { term: 'busybox' })
    if (hub.unreachable.length)
      expect(hub.unreachable[0]).toMatchObject({ source: 'Docker Hub', message: expect.stringContaining('index.docker.io') as unknown })
    else expect(hub.hits.length).toBeGreaterThan(0)
  })

  it('refuses a one-letter term', async () => {
    expect((await fails(ctx.api, 'images.search', { term: 'a' })).code).toBe('invalid_input')
  })
})
