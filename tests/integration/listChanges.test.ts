// P8: the images, volumes and networks lists kept by change payloads. For each engine
// event main fetches just the touched row again (in the list's shape) or says it is gone;
// the same operations on dockerd and on Podman, whose events differ.
import Dockerode from 'dockerode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VolumeSummary } from '../../src/shared/files'
import type { ListChange } from '../../src/shared/listChange'
import type { NetworkSummary } from '../../src/shared/networks'
import type { ImageSummary } from '../../src/shared/types'
import { optionsForEndpoint } from '../../src/main/engine/endpoint'
import { removeLabelled } from '../support/labelled'
import { ok, startApi, type TestApp } from './support/app'
import { dockerHost, runId, TEST_IMAGE, testLabels, waitFor } from './support/engine'
import { collect, type Collected } from './support/streams'

type Changes<T> = Collected<ListChange<T>>

/** How to read each feed's whole list (see changeWhere). */
const lists = new WeakMap<object, () => Promise<unknown[]>>()

/**
 * The first change after `from` whose rows or removals satisfy `test`. A change that asks
 * for a list (a prune; a Podman commit, which names no image, in the same moment as the
 * tag that follows it) stands for every row: the list then says what it brought.
 */
function changeWhere<T>(changes: Changes<T>, from: number, what: string, test: (c: ListChange<T>) => boolean): Promise<ListChange<T>> {
  return waitFor(
    async () => {
      for (const change of changes.events.slice(from)) {
        if (test(change)) return change
        if (!change.relist) continue
        const whole: ListChange<T> = { upsert: (await lists.get(changes)!()) as T[], remove: [], relist: true }
        if (test(whole)) return whole
      }
      return undefined
    },
    what,
    20_000,
  )
}
const upserted = <T>(c: ListChange<T>, pick: (row: T) => boolean): T | undefined => c.upsert.find(pick)

const engines = [
  { name: 'dockerd', host: () => dockerHost() },
  { name: 'Podman', host: () => process.env.WHARF_TEST_PODMAN_HOST },
]

describe.each(engines)('list changes on $name', ({ name, host }) => {
  let ctx: TestApp
  let docker: Dockerode
  let images: Changes<ImageSummary>
  let volumes: Changes<VolumeSummary>
  let networks: Changes<NetworkSummary>
  const made: { images: string[]; networks: string[] } = { images: [], networks: [] }
  const prefix = `wharf-it-${runId}-lc`

  beforeAll(async () => {
    const endpoint = host()
    if (!endpoint) throw new Error('WHARF_TEST_PODMAN_HOST is not set: run the tests with `npm test`.')
    docker = new Dockerode(optionsForEndpoint(endpoint))
    ctx = await startApi(endpoint)
    images = collect(ctx.api, 'images.changed', {})
    volumes = collect(ctx.api, 'volumes.changed', {})
    networks = collect(ctx.api, 'networks.changed', {})
    lists.set(images, () => ok<ImageSummary[]>(ctx.api, 'images.list'))
    lists.set(volumes, () => ok<VolumeSummary[]>(ctx.api, 'volumes.list'))
    lists.set(networks, () => ok<NetworkSummary[]>(ctx.api, 'networks.list'))
    // The feeds seed their container index first; a round trip through the engine lets them.
    await ok(ctx.api, 'images.list')
  })
  afterAll(async () => {
    for (const c of [images, volumes, networks]) c?.close()
    await ctx?.app.dispose()
    if (!docker) return
    await removeLabelled(docker, runId)
    for (const id of made.images)
      await docker
        .getImage(id)
        .remove({ force: true })
        .catch(() => undefined)
    for (const id of made.networks)
      await docker
        .getNetwork(id)
        .remove()
        .catch(() => undefined)
  })

  /** A new image of our own: a container of the test image committed (untagged unless `tag`). */
  async function commitImage(tag?: string): Promise<string> {
    const c = await docker.createContainer({ Image: TEST_IMAGE, Cmd: ['true'], Labels: testLabels })
    const { Id } = (await c.commit(tag ? { repo: `${prefix}/img`, tag } : {})) as { Id: string }
    await c.remove()
    const id = Id.startsWith('sha256:') ? Id : `sha256:${Id}`
    made.images.push(id)
    return id
  }

  it('sends an image row as the list has it on tag and untag, its users as containers come and go, and its id when it goes', async () => {
    const id = await commitImage()
    let from = images.events.length
    await docker.getImage(id).tag({ repo: `${prefix}/img`, tag: 'one' })
    const tagged = await changeWhere(images, from, 'the tag', (c) =>
      Boolean(upserted(c, (i) => i.id === id && i.tags.some((t) => t.endsWith(`${prefix}/img:one`)))),
    )
    const row = upserted(tagged, (i) => i.id === id)
    expect(row?.dangling).toBe(false)
    // The row is the list's row, field for field.
    expect((await ok<ImageSummary[]>(ctx.api, 'images.list')).find((i) => i.id === id)).toEqual(row)

    from = images.events.length
    const user = await docker.createContainer({ Image: id, Cmd: ['true'], Labels: testLabels, name: `${prefix}-user` })
    const used = await changeWhere(images, from, 'the user', (c) => Boolean(upserted(c, (i) => i.id === id && i.usedBy.length === 1)))
    expect(upserted(used, (i) => i.id === id)?.usedBy[0]).toMatchObject({ id: user.id, name: `${prefix}-user` })
    from = images.events.length
    await user.remove()
    await changeWhere(images, from, 'the user gone', (c) => Boolean(upserted(c, (i) => i.id === id && i.usedBy.length === 0)))

    from = images.events.length
    await docker.getImage(`${prefix}/img:one`).remove()
    // Its last tag went with the image on both engines: it is removed, not left dangling.
    const gone = await changeWhere(images, from, 'the removal', (c) => c.remove.includes(id))
    expect(gone.upsert.find((i) => i.id === id)).toBeUndefined()
  })

  it('sends a dangling image, and keeps an image with two tags when one is untagged', async () => {
    let from = images.events.length
    const id = await commitImage('two')
    await docker.getImage(id).tag({ repo: `${prefix}/img`, tag: 'three' })
    await changeWhere(images, from, 'both tags', (c) => upserted(c, (i) => i.id === id)?.tags.length === 2)
    from = images.events.length
    await docker.getImage(`${prefix}/img:two`).remove()
    const untagged = await changeWhere(images, from, 'the untag', (c) => upserted(c, (i) => i.id === id)?.tags.length === 1)
    expect(untagged.remove).not.toContain(id)
    expect(upserted(untagged, (i) => i.id === id)?.tags[0]).toMatch(new RegExp(`${prefix}/img:three$`))

    from = images.events.length
    const dangling = await commitImage()
    // Podman's commit event does not name the image it made: a list is asked for instead.
    const change = await changeWhere(images, from, 'the dangling image', (c) => c.relist || Boolean(upserted(c, (i) => i.id === dangling)))
    if (name === 'Podman') expect(change.relist).toBe(true)
    else expect(upserted(change, (i) => i.id === dangling)).toMatchObject({ tags: [], dangling: true })
  })

  it('sends a volume row on create, its users as a container that mounts it comes and goes, and its name when removed', async () => {
    const vol = `${prefix}-vol`
    let from = volumes.events.length
    await docker.createVolume({ Name: vol, Labels: testLabels })
    const created = upserted(
      await changeWhere(volumes, from, 'the volume', (c) => Boolean(upserted(c, (v) => v.name === vol))),
      (v) => v.name === vol,
    )
    expect((await ok<VolumeSummary[]>(ctx.api, 'volumes.list')).find((v) => v.name === vol)).toEqual(created)

    from = volumes.events.length
    const user = await docker.createContainer({
      Image: TEST_IMAGE,
      Cmd: ['true'],
      Labels: testLabels,
      HostConfig: { Mounts: [{ Type: 'volume', Source: vol, Target: '/data' }] },
    })
    const used = await changeWhere(volumes, from, 'the user', (c) => upserted(c, (v) => v.name === vol)?.usedBy.length === 1)
    expect(upserted(used, (v) => v.name === vol)).toMatchObject({ dangling: false, usedBy: [{ id: user.id, destination: '/data' }] })
    from = volumes.events.length
    await user.remove()
    await changeWhere(volumes, from, 'the user gone', (c) => upserted(c, (v) => v.name === vol)?.dangling === true)

    from = volumes.events.length
    await docker.getVolume(vol).remove()
    await changeWhere(volumes, from, 'the removal', (c) => c.remove.includes(vol))
  })

  // Podman (4.x) sends no network events: its networks' rows change when a container on them starts or stops.
  if (name === 'Podman')
    it('sends a network row when a container on it starts and when it stops (its address gone), though Podman names no network event', async () => {
      const net = `${prefix}-net`
      const { id } = await docker.createNetwork({ Name: net, Labels: testLabels })
      made.networks.push(id)
      const c = await docker.createContainer({
        Image: TEST_IMAGE,
        Cmd: ['sleep', '60'],
        Labels: testLabels,
        StopTimeout: 1,
        HostConfig: { NetworkMode: net },
      })
      let from = networks.events.length
      await c.start()
      const joined = await changeWhere(
        networks,
        from,
        'the container started',
        (ch) => upserted(ch, (n) => n.id === id)?.containers.length === 1,
      )
      expect(upserted(joined, (n) => n.id === id)?.containers[0].id).toBe(c.id)
      from = networks.events.length
      await c.stop({ t: 0 })
      // Podman keeps a stopped container among the network's members, without an address.
      await changeWhere(networks, from, 'the container stopped', (ch) => upserted(ch, (n) => n.id === id)?.containers[0]?.ipv4 === '')
      await c.remove()
    })
  else
    it('sends a network row on create and connect, its id when removed, and asks for a list after a prune', async () => {
      const net = `${prefix}-net`
      let from = networks.events.length
      const { id } = await docker.createNetwork({ Name: net, Labels: testLabels })
      made.networks.push(id)
      const created = upserted(
        await changeWhere(networks, from, 'the network', (c) => Boolean(upserted(c, (n) => n.id === id))),
        (n) => n.id === id,
      )
      expect((await ok<NetworkSummary[]>(ctx.api, 'networks.list')).find((n) => n.id === id)).toEqual(created)

      const c = await docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sleep', '60'], Labels: testLabels, StopTimeout: 1 })
      await c.start()
      from = networks.events.length
      await docker.getNetwork(id).connect({ Container: c.id })
      const joined = await changeWhere(networks, from, 'the connect', (ch) => upserted(ch, (n) => n.id === id)?.containers.length === 1)
      expect(upserted(joined, (n) => n.id === id)?.containers[0].id).toBe(c.id)
      from = networks.events.length
      await c.stop({ t: 0 })
      await changeWhere(networks, from, 'the container stopped', (ch) => upserted(ch, (n) => n.id === id)?.containers.length === 0)
      await c.remove()

      from = networks.events.length
      await docker.getNetwork(id).remove()
      await changeWhere(networks, from, 'the removal', (ch) => ch.remove.includes(id))

      const { id: spare } = await docker.createNetwork({ Name: `${net}-spare`, Labels: testLabels })
      made.networks.push(spare)
      from = networks.events.length
      await docker.pruneNetworks({ filters: { label: [`wharf.test=${runId}`] } })
      await changeWhere(networks, from, 'a list asked for', (ch) => ch.relist)
    })
})
