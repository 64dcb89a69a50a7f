// The Engine pane (E5) on dockerd: docker info in sections, disk usage as `docker system
// df -v` lists it, prune per kind (listed first, limited to this run's labels so nothing
// else on the engine is touched), and the live events stream.
import { randomBytes } from 'node:crypto'
import { pack } from 'tar-stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContainerSummary, PruneResult } from '../../src/shared/types'
import type { NetworkSummary } from '../../src/shared/networks'
import type { VolumeSummary } from '../../src/shared/files'
import type { ImageSummary } from '../../src/shared/types'
import type { BuildCachePruneResult, DiskUsage, DiskUsageBuildCache, EngineInfo } from '../../src/shared/system'
import { ok, startApi } from './support/app'
import { imageWith, MiB, removeLabelledImages, runToExit, stoppedContainerWith, volumeWith } from './support/diskUsage'
import { cleanup, runId, TEST_IMAGE, testDocker, uniqueName, waitFor } from './support/engine'
import { eventsOf, subscribeEvents } from './support/engineEvents'

const docker = testDocker()
const mine = [`wharf.test=${runId}`]
let ctx: Awaited<ReturnType<typeof startApi>>

beforeAll(async () => {
  ctx = await startApi()
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  await removeLabelledImages(docker)
  const networks = await docker.listNetworks({ filters: { label: mine } })
  await Promise.all(
    networks.map((n) =>
      docker
        .getNetwork(n.Id)
        .remove()
        .catch(() => undefined),
    ),
  )
})

/** The fields of GET /info this test compares. */
interface RawInfo {
  [field: string]: unknown
  Name: string
  ID: string
  NCPU: number
  MemTotal: number
  DefaultRuntime: string
  Warnings: string[] | null
  Swarm: { LocalNodeState: string }
  RegistryConfig: { InsecureRegistryCIDRs: string[] }
}

describe('engine.info', () => {
  it('gives docker info in sections, as the engine answered', async () => {
    const info = await ok<EngineInfo>(ctx.api, 'engine.info')
    const raw = (await docker.info()) as RawInfo
    expect(info).toMatchObject({
      name: raw.Name,
      id: raw.ID,
      serverVersion: raw.ServerVersion,
      operatingSystem: raw.OperatingSystem,
      kernelVersion: raw.KernelVersion,
      architecture: raw.Architecture,
      cpus: raw.NCPU,
      memTotal: raw.MemTotal,
      storageDriver: raw.Driver,
      driverStatus: raw.DriverStatus,
      dockerRootDir: raw.DockerRootDir,
      cgroupDriver: raw.CgroupDriver,
      cgroupVersion: raw.CgroupVersion,
      loggingDriver: raw.LoggingDriver,
      defaultRuntime: raw.DefaultRuntime,
      securityOptions: raw.SecurityOptions,
      indexServer: raw.IndexServerAddress,
      warnings: raw.Warnings ?? [],
      swarm: { state: raw.Swarm.LocalNodeState },
    })
    expect(info.runtimes).toContain(raw.DefaultRuntime)
    expect(info.plugins.volume).toContain('local')
    expect(info.insecureRegistries).toEqual(expect.arrayContaining(raw.RegistryConfig.InsecureRegistryCIDRs))
  })
})

describe('engine.diskUsage', () => {
  it('lists a container, a volume and an image with their sizes, and sums them per kind', async () => {
    const container = await stoppedContainerWith(docker, 2)
    const volume = await volumeWith(docker, 3)
    const repo = `wharf-it-${runId}-df`
    const image = await imageWith(docker, 1, repo, 'sized')

    const df = await ok<DiskUsage>(ctx.api, 'engine.diskUsage')
    const c = df.containers.find((x) => x.id === container.id)
    expect(c).toMatchObject({ image: TEST_IMAGE, state: 'exited' })
    expect(c?.sizeRw).toBeGreaterThanOrEqual(2 * MiB)
    expect(c?.sizeRootFs).toBeGreaterThan(c?.sizeRw ?? 0)
    expect(df.volumes.find((v) => v.name === volume)).toMatchObject({ driver: 'local', links: 0 })
    expect(df.volumes.find((v) => v.name === volume)?.size).toBeGreaterThanOrEqual(3 * MiB)
    const base = df.images.find((i) => i.tags.includes(TEST_IMAGE))
    const own = df.images.find((i) => i.id === image)
    expect(own?.tags).toEqual([`${repo}:sized`])
    expect(own?.containers).toBe(0)
    expect(own?.sharedSize).toBeGreaterThanOrEqual(base?.size ?? Infinity)
    expect(own?.uniqueSize).toBeGreaterThanOrEqual(1 * MiB)
    expect(own?.size).toBe((own?.sharedSize ?? 0) + (own?.uniqueSize ?? 0))
    expect(base?.usedBy).toContain(c?.name)
    expect(df.buildCacheReported).toBe(true)

    // The summary lines add up the same answer, as `docker system df` does.
    const line = (kind: string) => df.summary.find((s) => s.kind === kind)
    expect(line('containers')).toMatchObject({ total: df.containers.length })
    expect(line('containers')?.size).toBe(df.containers.reduce((sum, x) => sum + (x.sizeRw ?? 0), 0))
    expect(line('containers')?.reclaimable).toBeGreaterThanOrEqual(2 * MiB)
    expect(line('volumes')).toMatchObject({ total: df.volumes.length, active: df.volumes.filter((v) => (v.links ?? 0) > 0).length })
    expect(line('volumes')?.reclaimable).toBeGreaterThanOrEqual(3 * MiB)
    expect(line('images')).toMatchObject({ total: df.images.length, size: df.layersSize })
    for (const s of df.summary) {
      expect(s.reclaimable).toBeLessThanOrEqual(s.size)
      if (s.size > 0) expect(s.percent).toBe(Math.floor((s.reclaimable * 100) / s.size))
    }
  })
})

describe('prune per kind: what is listed first is what goes, with the space reclaimed', () => {
  it('containers', async () => {
    const stopped = await stoppedContainerWith(docker, 2)
    const running = await runToExit(docker, 'true').then(async (done) => {
      await done.remove()
      const c = await docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { 'wharf.test': runId }, StopTimeout: 1 })
      await c.start()
      return c
    })
    const listed = (await ok<ContainerSummary[]>(ctx.api, 'containers.list')).filter(
      (c) => c.labels['wharf.test'] === runId && ['exited', 'created', 'dead'].includes(c.state),
    )
    expect(listed.map((c) => c.id)).toContain(stopped.id)
    expect(listed.map((c) => c.id)).not.toContain(running.id)
    const result = await ok<PruneResult>(ctx.api, 'containers.prune', { labels: mine })
    expect(result.removed.sort()).toEqual(listed.map((c) => c.id).sort())
    expect(result.spaceReclaimed).toBeGreaterThanOrEqual(2 * MiB)
    expect((await docker.getContainer(running.id).inspect()).State.Running).toBe(true)
  })

  it('images: dangling only, then every unused one', async () => {
    const repo = `wharf-it-${runId}-prune`
    const dangling = await imageWith(docker, 1, repo)
    const tagged = await imageWith(docker, 2, repo, 'unused')
    const danglingListed = await ok<ImageSummary[]>(ctx.api, 'images.pruneCandidates', { all: false, labels: mine })
    expect(danglingListed.map((i) => i.id)).toEqual([dangling])
    const first = await ok<{ deleted: string[]; spaceReclaimed: number }>(ctx.api, 'images.prune', { all: false, labels: mine })
    expect(first.deleted).toContain(dangling)
    expect(first.deleted).not.toContain(tagged)
    expect(first.spaceReclaimed).toBeGreaterThanOrEqual(1 * MiB)

    const allListed = await ok<ImageSummary[]>(ctx.api, 'images.pruneCandidates', { all: true, labels: mine })
    expect(allListed.map((i) => i.id)).toContain(tagged)
    const second = await ok<{ deleted: string[]; spaceReclaimed: number }>(ctx.api, 'images.prune', { all: true, labels: mine })
    expect(second.deleted).toEqual(expect.arrayContaining(allListed.map((i) => i.id)))
    expect(second.spaceReclaimed).toBeGreaterThanOrEqual(2 * MiB)
  })

  it('volumes: anonymous only keeps every named volume, whatever the API version of the engine', async () => {
    const named = await volumeWith(docker, 1)
    // An anonymous volume is one the engine named with 64 hex digits (`docker run -v /data`).
    const anonymous = randomBytes(32).toString('hex')
    await docker.createVolume({ Name: anonymous, Labels: { 'wharf.test': runId } })
    const listed = await ok<VolumeSummary[]>(ctx.api, 'volumes.pruneCandidates', { all: false, labels: mine })
    expect(listed.map((v) => v.name)).toEqual([anonymous])
    const result = await ok<{ deleted: string[] }>(ctx.api, 'volumes.prune', { all: false, labels: mine })
    expect(result.deleted).toEqual([anonymous])
    expect((await docker.getVolume(named).inspect()).Name).toBe(named)
  })

  it('volumes', async () => {
    const name = await volumeWith(docker, 3)
    const listed = await ok<VolumeSummary[]>(ctx.api, 'volumes.pruneCandidates', { all: true, labels: mine })
    expect(listed.map((v) => v.name)).toContain(name)
    const result = await ok<{ deleted: string[]; spaceReclaimed: number }>(ctx.api, 'volumes.prune', { all: true, labels: mine })
    expect(result.deleted.sort()).toEqual(listed.map((v) => v.name).sort())
    expect(result.spaceReclaimed).toBeGreaterThanOrEqual(3 * MiB)
  })

  it('networks', async () => {
    const name = uniqueName('dfnet')
    await docker.createNetwork({ Name: name, Labels: { 'wharf.test': runId } })
    const unused = (await ok<NetworkSummary[]>(ctx.api, 'networks.list')).filter(
      (n) => n.labels['wharf.test'] === runId && !n.builtIn && n.containers.length === 0,
    )
    expect(unused.map((n) => n.name)).toEqual([name])
    const result = await ok<{ deleted: string[] }>(ctx.api, 'networks.prune', { labels: mine })
    expect(result.deleted).toEqual([name])
  })

  it('build cache: a BuildKit build leaves records, listed and then pruned', async () => {
    const tag = `wharf-it-${runId}-bk:cache`
    await buildKitBuild(tag, `FROM ${TEST_IMAGE}\nRUN head -c ${2 * MiB} /dev/zero > /cache.bin && echo ${runId}\n`)
    // The image shares the records it was built from; without it they are plain unused cache.
    await docker.getImage(tag).remove()
    const df = await ok<DiskUsage>(ctx.api, 'engine.diskUsage')
    const record = df.buildCache.find((b) => b.description.includes(runId))
    expect(record).toMatchObject({ type: 'regular', inUse: false, shared: false })
    expect(record?.size).toBeGreaterThanOrEqual(2 * MiB)

    const listed = await ok<DiskUsageBuildCache[]>(ctx.api, 'builder.pruneCandidates', { all: false })
    expect(listed.map((b) => b.id)).toContain(record?.id)
    const result = await ok<BuildCachePruneResult>(ctx.api, 'builder.prune', { all: false })
    expect(result.deleted).toEqual(expect.arrayContaining(listed.map((b) => b.id)))
    expect(result.spaceReclaimed).toBeGreaterThanOrEqual(2 * MiB)
    const after = await ok<DiskUsage>(ctx.api, 'engine.diskUsage')
    expect(after.buildCache.map((b) => b.id)).not.toContain(record?.id)
  })
})

describe('engine.events', () => {
  it('delivers create, start and die of a container, filtered by type and by action', async () => {
    const everything = subscribeEvents(ctx.api, {})
    const containers = subscribeEvents(ctx.api, { types: ['container'] })
    const deaths = subscribeEvents(ctx.api, { types: ['container'], actions: ['die'] })
    try {
      const c = await runToExit(docker, 'true')
      await eventsOf(containers, c.id, ['create', 'start', 'die'])
      await eventsOf(deaths, c.id, ['die'])
      // Starting it connected it to the bridge: the unfiltered stream says so, the filtered ones do not.
      await waitFor(
        () => everything.events.some((e) => e.Type === 'network' && e.Actor.Attributes.container === c.id),
        'the network connect',
      )
      expect(containers.events.every((e) => e.Type === 'container')).toBe(true)
      expect(deaths.events.every((e) => e.Type === 'container' && e.Action === 'die')).toBe(true)
      const die = deaths.events.find((e) => e.Actor.ID === c.id)
      expect(die?.Actor.Attributes).toMatchObject({ image: TEST_IMAGE, exitCode: '0', 'wharf.test': runId })
      expect(die?.time).toBeGreaterThan(Date.now() / 1000 - 60)
    } finally {
      everything.close()
      containers.close()
      deaths.close()
    }
  })

  it('stops listening on the engine when closed', () => {
    const before = ctx.engine.connection.events.size
    const stream = subscribeEvents(ctx.api, { types: ['image'] })
    expect(ctx.engine.connection.events.size).toBe(before + 1)
    stream.close()
    expect(ctx.engine.connection.events.size).toBe(before)
  })

  it('refuses a type or an action it does not know', () => {
    expect(() => ctx.api.subscribe('engine.events', { types: ['bogus'] }, () => undefined)).toThrow(/Invalid input/)
    expect(() => ctx.api.subscribe('engine.events', { actions: ['rm -rf'] }, () => undefined)).toThrow(/Invalid input/)
    expect(() => ctx.api.subscribe('engine.events', { since: 0 }, () => undefined)).toThrow(/Invalid input/)
  })
})

/** A build through BuildKit (`version=2`), the context sent as the request body: the way build cache records come to be. */
async function buildKitBuild(tag: string, dockerfile: string): Promise<void> {
  const context = pack()
  context.entry({ name: 'Dockerfile' }, dockerfile)
  context.finalize()
  const stream = await docker.buildImage(context, { t: tag, version: '2' })
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: Error | null, output: Array<{ error?: string }>) => {
      const failed = err ?? output.find((o) => o.error)?.error
      if (failed) reject(failed instanceof Error ? failed : new Error(failed))
      else resolve()
    }),
  )
}
