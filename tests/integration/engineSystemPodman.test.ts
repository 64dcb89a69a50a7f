// The Engine pane (E5) against Podman's Docker-compatible API, the second engine `npm
// test` starts: the same calls as on dockerd, with what Podman leaves out left absent.
import Dockerode from 'dockerode'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { optionsForEndpoint } from '../../src/main/engine/endpoint'
import type { VolumeSummary } from '../../src/shared/files'
import type { DiskUsage, DiskUsageBuildCache, EngineInfo } from '../../src/shared/system'
import type { ImageSummary, PruneResult } from '../../src/shared/types'
import { removeLabelled } from '../support/labelled'
import { fails, ok, startApi } from './support/app'
import { imageWith, MiB, removeLabelledImages, runToExit, stoppedContainerWith, volumeWith } from './support/diskUsage'
import { runId, TEST_IMAGE } from './support/engine'
import { eventsOf, subscribeEvents } from './support/engineEvents'

const host = process.env.WHARF_TEST_PODMAN_HOST
const mine = [`wharf.test=${runId}`]
let podman: Dockerode
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  if (!host)
    throw new Error('WHARF_TEST_PODMAN_HOST is not set: run the tests with `npm test`, or export what `npm run engines -- start` prints.')
  podman = new Dockerode(optionsForEndpoint(host))
  ctx = await startApi(host)
  expect(ctx.engine.connection.getStatus().flavor).toBe('podman')
})
afterAll(async () => {
  await ctx?.app.dispose()
  if (podman) {
    await removeLabelled(podman, runId)
    await removeLabelledImages(podman)
  }
})

describe('the Engine pane on Podman', () => {
  it('gives docker info in sections, leaving out what Podman does not say', async () => {
    const info = await ok<EngineInfo>(ctx.api, 'engine.info')
    const raw = (await podman.info()) as Record<string, unknown>
    expect(info).toMatchObject({ name: raw.Name, kernelVersion: raw.KernelVersion, storageDriver: raw.Driver, cpus: raw.NCPU })
    // Absent, not a made-up zero or empty string, where the answer has no such field.
    for (const [field, key] of [
      ['LoggingDriver', 'loggingDriver'],
      ['DefaultRuntime', 'defaultRuntime'],
      ['CgroupVersion', 'cgroupVersion'],
      ['ExperimentalBuild', 'experimental'],
    ] as const) {
      if (raw[field] === undefined || raw[field] === '') expect(info[key]).toBeUndefined()
      else expect(info[key]).toBe(raw[field])
    }
  })

  it('lists a container and a volume with the sizes Podman reports', async () => {
    const container = await stoppedContainerWith(podman, 2)
    const volume = await volumeWith(podman, 3)
    const df = await ok<DiskUsage>(ctx.api, 'engine.diskUsage')
    const c = df.containers.find((x) => x.id === container.id)
    expect(c).toMatchObject({ state: 'exited' })
    expect(c?.image).toContain('wharf-test/busybox')
    expect(c?.sizeRw).toBeGreaterThanOrEqual(2 * MiB)
    const v = df.volumes.find((x) => x.name === volume)
    expect(v).toMatchObject({ links: 0 })
    expect(v?.size).toBeGreaterThanOrEqual(3 * MiB)
    expect(df.images.some((i) => i.tags.some((t) => t.endsWith(TEST_IMAGE)))).toBe(true)
    for (const s of df.summary) expect(s.reclaimable).toBeLessThanOrEqual(s.size)
  })

  it('prunes stopped containers and unused volumes, listed first, and says what came back', async () => {
    const stopped = await stoppedContainerWith(podman, 1)
    const result = await ok<PruneResult>(ctx.api, 'containers.prune', { labels: mine })
    expect(result.removed).toContain(stopped.id)
    const name = await volumeWith(podman, 2)
    const listed = await ok<VolumeSummary[]>(ctx.api, 'volumes.pruneCandidates', { all: true, labels: mine })
    expect(listed.map((v) => v.name)).toContain(name)
    const pruned = await ok<{ deleted: string[] }>(ctx.api, 'volumes.prune', { all: true, labels: mine })
    expect(pruned.deleted.sort()).toEqual(listed.map((v) => v.name).sort())
  })

  it('prunes anonymous volumes only, keeping named ones, though its own prune would take them', async () => {
    const named = await volumeWith(podman, 1)
    const anonymous = randomBytes(32).toString('hex')
    await podman.createVolume({ Name: anonymous, Labels: { 'wharf.test': runId } })
    const listed = await ok<VolumeSummary[]>(ctx.api, 'volumes.pruneCandidates', { all: false, labels: mine })
    expect(listed.map((v) => v.name)).toEqual([anonymous])
    const result = await ok<{ deleted: string[] }>(ctx.api, 'volumes.prune', { all: false, labels: mine })
    expect(result.deleted).toEqual([anonymous])
    expect((await podman.getVolume(named).inspect()).Name).toBe(named)
  })

  it('prunes dangling images, then every unused one, with the space they held', async () => {
    const dangling = await imageWith(podman, 1, `wharf-it-${runId}-pod`)
    const image = await imageWith(podman, 2, `wharf-it-${runId}-pod`, 'unused')
    const danglingListed = await ok<ImageSummary[]>(ctx.api, 'images.pruneCandidates', { all: false, labels: mine })
    expect(danglingListed.map((i) => i.id)).toEqual([dangling])
    const first = await ok<{ deleted: string[] }>(ctx.api, 'images.prune', { all: false, labels: mine })
    expect(first.deleted.map((id) => id.replace(/^sha256:/, ''))).toContain(dangling.replace(/^sha256:/, ''))
    const listed = await ok<ImageSummary[]>(ctx.api, 'images.pruneCandidates', { all: true, labels: mine })
    expect(listed.map((i) => i.id)).toEqual([image])
    const result = await ok<{ deleted: string[]; spaceReclaimed: number }>(ctx.api, 'images.prune', { all: true, labels: mine })
    expect(result.deleted.map((id) => id.replace(/^sha256:/, ''))).toContain(image.replace(/^sha256:/, ''))
    expect(result.spaceReclaimed).toBeGreaterThanOrEqual(2 * MiB)
  })

  it('has no build cache: nothing is listed, and a prune says the engine cannot', async () => {
    expect((await ok<DiskUsage>(ctx.api, 'engine.diskUsage')).buildCache).toEqual([])
    expect(await ok<DiskUsageBuildCache[]>(ctx.api, 'builder.pruneCandidates', { all: true })).toEqual([])
    const refused = await fails(ctx.api, 'builder.prune', { all: false })
    expect(refused).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/no build cache/) as unknown })
  })

  it('delivers create, start and die of a container, filtered by type', async () => {
    const containers = subscribeEvents(ctx.api, { types: ['container'] })
    try {
      const c = await runToExit(podman, 'true')
      await eventsOf(containers, c.id, ['create', 'start', 'die'])
      expect(containers.events.every((e) => e.Type === 'container')).toBe(true)
    } finally {
      containers.close()
    }
  })
})
