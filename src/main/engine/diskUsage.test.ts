import { describe, expect, it } from 'vitest'
import { buildCacheCandidates, toDiskUsage } from './diskUsage'

/**
 * The arithmetic of `docker system df` on answers shaped like dockerd 20.10's and
 * Podman 4.3's; tests/integration/engineSystem*.test.ts check it on the real engines.
 */
const MiB = 1024 * 1024
const hex = (c: string) => c.repeat(64)

const dockerAnswer = {
  LayersSize: 10 * MiB,
  Images: [
    { Id: `sha256:${hex('a')}`, RepoTags: ['base:latest'], Created: 1, Size: 4 * MiB, SharedSize: 4 * MiB, Containers: 2 },
    { Id: `sha256:${hex('b')}`, RepoTags: ['app:1', 'app:latest'], Created: 2, Size: 7 * MiB, SharedSize: 4 * MiB, Containers: 0 },
    { Id: `sha256:${hex('c')}`, RepoTags: ['<none>:<none>'], Created: 3, Size: 4 * MiB, SharedSize: -1, Containers: -1 },
  ],
  Containers: [
    {
      Id: 'c1',
      Names: ['/web'],
      Image: 'base:latest',
      ImageID: `sha256:${hex('a')}`,
      State: 'running',
      SizeRw: 1 * MiB,
      SizeRootFs: 5 * MiB,
    },
    // dockerd leaves SizeRw out when it is 0.
    { Id: 'c2', Names: ['/old'], Image: 'base:latest', ImageID: `sha256:${hex('a')}`, State: 'exited', SizeRootFs: 4 * MiB },
    {
      Id: 'c3',
      Names: ['/job'],
      Image: 'base:latest',
      ImageID: `sha256:${hex('a')}`,
      State: 'exited',
      SizeRw: 3 * MiB,
      SizeRootFs: 7 * MiB,
    },
  ],
  Volumes: [
    { Name: 'data', Driver: 'local', UsageData: { RefCount: 1, Size: 5 * MiB } },
    { Name: 'cache', Driver: 'local', UsageData: { RefCount: 0, Size: 2 * MiB } },
    { Name: 'remote', Driver: 'nfs', UsageData: { RefCount: 0, Size: -1 } },
  ],
  BuildCache: [
    {
      ID: 'r1',
      Type: 'regular',
      Description: 'mount / from exec',
      InUse: false,
      Shared: false,
      Size: 3 * MiB,
      CreatedAt: '2026-01-02T03:04:05Z',
      UsageCount: 2,
    },
    { ID: 'r2', Type: 'regular', InUse: true, Shared: false, Size: 1 * MiB },
    { ID: 'r3', Type: 'regular', InUse: false, Shared: true, Size: 8 * MiB },
    { ID: 'r4', Type: 'frontend', InUse: false, Shared: false, Size: 1 * MiB },
  ],
}

describe('toDiskUsage', () => {
  it('adds up each kind as the docker CLI does', () => {
    const df = toDiskUsage(dockerAnswer)
    expect(df.summary).toEqual([
      // The base has containers: its 4 MiB stay (the CLI would count 4 − 4 = 0 and call all 10 reclaimable).
      { kind: 'images', total: 3, active: 1, size: 10 * MiB, reclaimable: 6 * MiB, percent: 60 },
      { kind: 'containers', total: 3, active: 1, size: 4 * MiB, reclaimable: 3 * MiB, percent: 75 },
      { kind: 'volumes', total: 3, active: 1, size: 7 * MiB, reclaimable: 2 * MiB, percent: 28 },
      // Shared records count with the images that share them, not here.
      { kind: 'buildCache', total: 4, active: 1, size: 5 * MiB, reclaimable: 4 * MiB, percent: 80 },
    ])
  })

  it('keeps what the engine did not compute absent, and names images and their containers', () => {
    const df = toDiskUsage(dockerAnswer)
    expect(df.images[2]).toMatchObject({ tags: [], sharedSize: undefined, uniqueSize: undefined, containers: undefined, usedBy: [] })
    expect(df.images[0]).toMatchObject({ uniqueSize: 0, containers: 2, usedBy: ['web', 'old', 'job'] })
    expect(df.images[1]).toMatchObject({ tags: ['app:1', 'app:latest'], uniqueSize: 3 * MiB })
    expect(df.containers[1]).toMatchObject({ name: 'old', sizeRw: 0, sizeRootFs: 4 * MiB })
    expect(df.volumes[2]).toEqual({ name: 'remote', driver: 'nfs', mountpoint: undefined, links: 0, size: undefined })
    expect(df.buildCache[0]).toMatchObject({
      createdAt: Date.parse('2026-01-02T03:04:05Z'),
      usageCount: 2,
      description: 'mount / from exec',
    })
    expect(df.buildCacheReported).toBe(true)
  })

  it('reads dockerd’s answer without build cache, and Podman’s, which gives no layer total and bare ids', () => {
    expect(toDiskUsage({ ...dockerAnswer, BuildCache: null }).buildCacheReported).toBe(true)
    const podman = toDiskUsage({
      LayersSize: 0,
      Images: [{ Id: hex('d'), RepoTags: ['latest'], Size: 2 * MiB, SharedSize: 0, Containers: 1 }],
      Containers: [{ Id: 'p1', Names: ['/pod'], Image: hex('d'), ImageID: hex('d'), State: 'exited', SizeRw: MiB, SizeRootFs: 3 * MiB }],
      Volumes: [],
      BuildCache: [],
    })
    expect(podman.images[0]).toMatchObject({ id: `sha256:${hex('d')}`, usedBy: ['pod'] })
    expect(podman.summary[0]).toMatchObject({ size: 2 * MiB, active: 1 })
    expect(toDiskUsage({ Images: [] }).buildCacheReported).toBe(false)
  })
})

describe('the images line', () => {
  it('keeps the largest image in use whole and the unique part of the others', () => {
    const image = (id: string, size: number, shared: number, containers: number) => ({
      Id: `sha256:${hex(id)}`,
      RepoTags: [`${id}:1`],
      Size: size,
      SharedSize: shared,
      Containers: containers,
    })
    const df = toDiskUsage({
      LayersSize: 20 * MiB,
      Images: [image('a', 8 * MiB, 5 * MiB, 1), image('b', 6 * MiB, 5 * MiB, 1), image('c', 9 * MiB, 5 * MiB, 0)],
    })
    expect(df.summary[0]).toMatchObject({ active: 2, reclaimable: 11 * MiB, percent: 55 })
  })
})

describe('buildCacheCandidates', () => {
  it('lists what builder prune removes: unused records; without --all not shared ones nor BuildKit’s own', () => {
    const { buildCache } = toDiskUsage(dockerAnswer)
    expect(buildCacheCandidates(buildCache, false).map((r) => r.id)).toEqual(['r1'])
    expect(buildCacheCandidates(buildCache, true).map((r) => r.id)).toEqual(['r1', 'r3', 'r4'])
  })
})
