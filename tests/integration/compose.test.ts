import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  COMPOSE_LABELS,
  groupProjects,
  type ProjectActionResult,
  type ProjectLogBatch,
  type ProjectLogSource,
  type ProjectResources,
  type ProjectResourcesRemoved,
} from '../../src/shared/compose'
import type { ContainerSummary } from '../../src/shared/types'
import { logSortKey } from '../../src/main/engine/compose/logMerge'
import { fails, ok, startApi } from './support/app'
import { cleanup, createTestContainer, runId, testDocker, waitFor } from './support/engine'
import { collect } from './support/streams'

// A project as Compose leaves it on the engine, made here through the Engine API with
// Compose's labels: the pane and the actions read nothing else, whatever started it.
const docker = testDocker()
let ctx: Awaited<ReturnType<typeof startApi>>
const project = `wharf-it-${runId}-proj`
const workingDir = `/srv/${runId}`

function labels(service: string, number: number): Record<string, string> {
  return {
    [COMPOSE_LABELS.project]: project,
    [COMPOSE_LABELS.service]: service,
    [COMPOSE_LABELS.number]: String(number),
    [COMPOSE_LABELS.workingDir]: workingDir,
    [COMPOSE_LABELS.configFiles]: `${workingDir}/compose.yaml,${workingDir}/compose.override.yaml`,
    [COMPOSE_LABELS.oneoff]: 'False',
  }
}

/** Prints `count` numbered lines, one every `gapMs`, starting after `delayMs`. */
// The tickers start together at this second (the containers share the host's clock), so
// their lines interleave however long a loaded machine takes to start each container.
const startAt = Math.ceil(Date.now() / 1000) + 6

function ticker(tag: string, count: number, gapMs: number, delayMs = 0): string[] {
  const wait = (ms: number) => `usleep ${ms * 1000}`
  const together = `while [ $(date +%s) -lt ${startAt} ]; do usleep 20000; done`
  return ['sh', '-c', `${together}; ${wait(delayMs)}; for i in $(seq 1 ${count}); do echo "${tag} $i"; ${wait(gapMs)}; done; sleep 3600`]
}

async function project_(): Promise<ReturnType<typeof groupProjects>[number] | undefined> {
  const list = await ok<ContainerSummary[]>(ctx.api, 'containers.list')
  return groupProjects(list).find((p) => p.name === project)
}

function lines(events: ProjectLogBatch[]): Array<{ service: string; text: string; time: string }> {
  let sources: ProjectLogSource[] = []
  const out: Array<{ service: string; text: string; time: string }> = []
  for (const batch of events) {
    if (batch.sources) sources = batch.sources
    batch.texts.forEach((text, i) => out.push({ service: sources[batch.tags[i]].service, text, time: batch.times?.[i] ?? '' }))
  }
  return out
}

function inOrder(list: Array<{ time: string }>): boolean {
  return list.every((l, i) => i === 0 || logSortKey(list[i - 1].time) <= logSortKey(l.time))
}

beforeAll(async () => {
  ctx = await startApi()
  await createTestContainer(docker, {
    name: `${project}-web-1`,
    labels: labels('web', 1),
    cmd: ticker('web1', 40, 30),
    ports: { '80/tcp': [{ HostPort: '' }] },
    start: true,
  })
  await createTestContainer(docker, { name: `${project}-web-2`, labels: labels('web', 2), cmd: ticker('web2', 40, 30, 10), start: true })
  await createTestContainer(docker, {
    name: `${project}-worker-1`,
    labels: labels('worker', 1),
    cmd: ticker('worker', 60, 20, 5),
    start: true,
  })
})
afterAll(async () => {
  await ctx.app.dispose()
  await cleanup(docker)
  for (const name of [`${project}_default`])
    await docker
      .getNetwork(name)
      .remove()
      .catch(() => undefined)
  await docker
    .getVolume(`${project}_data`)
    .remove()
    .catch(() => undefined)
})

describe('compose projects (E7)', () => {
  it('lists a project from its containers’ labels: services with their containers, folder, files and ports', async () => {
    const found = await waitFor(async () => {
      const p = await project_()
      return p?.running === 3 ? p : undefined
    }, 'the project to run')
    expect(found).toMatchObject({
      name: project,
      workingDir,
      configFiles: [`${workingDir}/compose.yaml`, `${workingDir}/compose.override.yaml`],
      containers: 3,
      state: 'running',
    })
    expect(found.services.map((s) => [s.name, s.containers.map((c) => c.name), s.running])).toEqual([
      ['web', [`${project}-web-1`, `${project}-web-2`], 2],
      ['worker', [`${project}-worker-1`], 1],
    ])
    const published = found.services[0].containers[0].ports.find((p) => p.privatePort === 80 && p.publicPort)
    expect(published?.publicPort).toBeGreaterThan(0)
  })

  it('merges every container’s log into one time-ordered stream, each line tagged with its service', async () => {
    // Wait until every ticker has finished, so the whole log is known.
    await waitFor(
      async () => {
        const logs = await Promise.all(
          [`${project}-web-1`, `${project}-web-2`, `${project}-worker-1`].map(async (n) =>
            (await docker.getContainer(n).logs({ stdout: true, tail: 1 })).toString(),
          ),
        )
        return logs[0].includes('web1 40') && logs[1].includes('web2 40') && logs[2].includes('worker 60')
      },
      'the tickers to finish',
      20_000,
    )
    const all = collect<ProjectLogBatch>(ctx.api, 'compose.logs', { project, tail: 'all', follow: false })
    expect(await all.ended).toBeUndefined()
    const merged = lines(all.events)
    expect(merged).toHaveLength(140)
    expect(inOrder(merged)).toBe(true)
    // The services really interleave (not one container after another).
    const firstWorker = merged.findIndex((l) => l.service === 'worker')
    const lastWeb = merged.map((l) => l.service).lastIndexOf('web')
    expect(firstWorker).toBeLessThan(lastWeb)
    expect(merged.filter((l) => l.service === 'worker').map((l) => l.text)).toEqual(Array.from({ length: 60 }, (_, i) => `worker ${i + 1}`))

    // A service filter and a tail per container.
    const some = collect<ProjectLogBatch>(ctx.api, 'compose.logs', { project, services: ['web'], tail: 5, follow: false })
    expect(await some.ended).toBeUndefined()
    const web = lines(some.events)
    expect(web.map((l) => l.text).sort()).toEqual([
      'web1 36',
      'web1 37',
      'web1 38',
      'web1 39',
      'web1 40',
      'web2 36',
      'web2 37',
      'web2 38',
      'web2 39',
      'web2 40',
    ])
    expect(inOrder(web)).toBe(true)
  })

  it('follows the project’s new lines in order after the history', async () => {
    const live = collect<ProjectLogBatch>(ctx.api, 'compose.logs', { project, tail: 2, follow: true })
    await waitFor(() => lines(live.events).length >= 6, 'the history')
    const extra = (container: string, tag: string) =>
      docker
        .getContainer(container)
        .exec({ Cmd: ['sh', '-c', `for i in 1 2 3 4 5; do echo "${tag} $i" > /proc/1/fd/1; usleep 30000; done`] })
        .then((exec) => exec.start({ Detach: true }))
    await Promise.all([extra(`${project}-web-1`, 'late-web'), extra(`${project}-worker-1`, 'late-worker')])
    const got = await waitFor(() => {
      const l = lines(live.events)
      return l.filter((x) => x.text.startsWith('late-')).length === 10 ? l : undefined
    }, 'the new lines')
    live.close()
    expect(got.slice(0, 6).map((l) => l.text)).not.toContain('late-web 1')
    expect(inOrder(got)).toBe(true)
    expect(got.filter((l) => l.text.startsWith('late-web')).every((l) => l.service === 'web')).toBe(true)
  })

  it('takes in the containers that up recreates or scales while following, each line once', async () => {
    const live = collect<ProjectLogBatch>(ctx.api, 'compose.logs', { project, tail: 1, follow: true })
    let ended = false
    void live.ended.then(() => (ended = true))
    await waitFor(() => lines(live.events).length >= 3, 'the history')
    // Scaled up: a third web container, as `up --scale web=3` makes it.
    await createTestContainer(docker, { name: `${project}-web-3`, labels: labels('web', 3), cmd: ticker('web3', 5, 30, 300), start: true })
    // Recreated: web-2 removed and made again under its name (a new container), as `up` does after a change.
    await docker.getContainer(`${project}-web-2`).remove({ force: true })
    await createTestContainer(docker, {
      name: `${project}-web-2`,
      labels: labels('web', 2),
      cmd: ticker('fresh2', 5, 30, 300),
      start: true,
    })
    const got = await waitFor(() => {
      const l = lines(live.events)
      return l.filter((x) => x.text.startsWith('web3 ') || x.text.startsWith('fresh2 ')).length >= 10 ? l : undefined
    }, 'the new containers’ lines')
    const last = live.events.filter((b) => b.sources).at(-1)?.sources ?? []
    expect(last.map((x) => x.container).sort()).toEqual(
      [`${project}-web-1`, `${project}-web-2`, `${project}-web-2`, `${project}-web-3`, `${project}-worker-1`].sort(),
    )
    expect(got.filter((l) => l.text.startsWith('web3 ')).map((l) => l.text)).toEqual(['web3 1', 'web3 2', 'web3 3', 'web3 4', 'web3 5'])
    expect(got.filter((l) => l.text.startsWith('fresh2 ')).map((l) => l.text)).toEqual([
      'fresh2 1',
      'fresh2 2',
      'fresh2 3',
      'fresh2 4',
      'fresh2 5',
    ])
    expect(got.filter((l) => l.text.startsWith('web3') || l.text.startsWith('fresh2')).every((l) => l.service === 'web')).toBe(true)
    // The removed container ended; the project's log did not.
    expect(ended).toBe(false)
    live.close()
    await docker.getContainer(`${project}-web-3`).remove({ force: true })
  })

  it('stops, starts, pauses and restarts the whole project or one service through the Engine API', async () => {
    const stopped = await ok<ProjectActionResult>(ctx.api, 'compose.act', { project, action: 'stop', service: 'worker' })
    expect(stopped.done.map((d) => [d.name, d.state])).toEqual([[`${project}-worker-1`, 'exited']])
    expect(stopped.failed).toEqual([])

    const paused = await ok<ProjectActionResult>(ctx.api, 'compose.act', { project, action: 'pause' })
    // The stopped worker is skipped, the two web containers pause.
    expect(paused.done.map((d) => d.state)).toEqual(['paused', 'paused'])
    expect(paused.skipped).toBe(1)
    expect((await project_())?.state).toBe('partial')

    const resumed = await ok<ProjectActionResult>(ctx.api, 'compose.act', { project, action: 'unpause' })
    expect(resumed.done).toHaveLength(2)
    const started = await ok<ProjectActionResult>(ctx.api, 'compose.act', { project, action: 'start' })
    expect(started.done.map((d) => [d.name, d.state])).toEqual([[`${project}-worker-1`, 'running']])
    expect(started.skipped).toBe(2)

    const before = (await docker.getContainer(`${project}-web-2`).inspect()).State.StartedAt
    const restarted = await ok<ProjectActionResult>(ctx.api, 'compose.act', { project, action: 'restart', service: 'web' })
    expect(restarted.done.map((d) => d.state)).toEqual(['running', 'running'])
    expect((await docker.getContainer(`${project}-web-2`).inspect()).State.StartedAt).not.toBe(before)

    const everything = await ok<ProjectActionResult>(ctx.api, 'compose.act', { project, action: 'stop' })
    expect(everything.done.map((d) => d.state)).toEqual(['exited', 'exited', 'exited'])
    expect((await project_())?.state).toBe('stopped')
  })

  it('refuses unknown projects and bad names with a clear message', async () => {
    expect((await fails(ctx.api, 'compose.act', { project: `${project}-nope`, action: 'start' })).message).toBe(
      `No containers of project "${project}-nope" on this engine`,
    )
    expect((await fails(ctx.api, 'compose.act', { project: '../etc', action: 'start' })).message).toContain('Not a valid project name')
    expect((await fails(ctx.api, 'compose.act', { project, action: 'explode' })).code).toBe('invalid_input')
  })

  it('lists the project’s networks and volumes, removes the containers, then only the resources named', async () => {
    const projectLabel = { [COMPOSE_LABELS.project]: project, 'wharf.test': runId }
    await docker.createNetwork({ Name: `${project}_default`, Labels: projectLabel })
    await docker.createVolume({ Name: `${project}_data`, Labels: projectLabel })
    const listed = await ok<ProjectResources>(ctx.api, 'compose.resources', { project })
    expect(listed.networks.map((n) => n.name)).toEqual([`${project}_default`])
    expect(listed.volumes.map((v) => v.name)).toEqual([`${project}_data`])

    const removed = await ok<ProjectActionResult>(ctx.api, 'compose.act', { project, action: 'remove' })
    expect(removed.done.map((d) => d.state)).toEqual(['removed', 'removed', 'removed'])
    expect(await project_()).toBeUndefined()

    // A name that is not the project's is refused by name; the others go.
    const result = await ok<ProjectResourcesRemoved>(ctx.api, 'compose.removeResources', {
      project,
      networks: [`${project}_default`, 'bridge'],
      volumes: [`${project}_data`],
    })
    expect(result.removed).toEqual({ networks: [`${project}_default`], volumes: [`${project}_data`] })
    expect(result.failed).toEqual([{ kind: 'network', name: 'bridge', message: `Network "bridge" is not part of project "${project}"` }])
    expect(await ok<ProjectResources>(ctx.api, 'compose.resources', { project })).toEqual({ networks: [], volumes: [] })
  })
})
