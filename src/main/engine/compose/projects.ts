/**
 * Actions on a Compose project through the Engine API alone (no compose tool): the
 * project's containers are found by their labels, then started, stopped, restarted,
 * paused or removed one by one through the containers service (so its per-container
 * queue orders them against other actions). One container refusing does not stop the
 * rest; each refusal comes back with the engine's words. Networks and named volumes
 * carry the same project label and are removed only when asked, by name.
 */
import type Dockerode from 'dockerode'
import {
  COMPOSE_LABELS,
  type ProjectAction,
  type ProjectActionResult,
  type ProjectLogSource,
  type ProjectResources,
  type ProjectResourcesRemoved,
} from '../../../shared/compose'
import { WharfError } from '../../../shared/errors'
import type { ContainerState } from '../../../shared/types'
import type { EngineConnection } from '../connection'
import type { ContainersService } from '../containers'
import { toWharfError } from '../engineError'

interface Member {
  id: string
  name: string
  service: string
  state: ContainerState
  number: number
}

/** States in which an action has nothing to do. */
const ALREADY: Record<Exclude<ProjectAction, 'remove' | 'restart'>, ContainerState[]> = {
  start: ['running', 'paused'],
  stop: ['exited', 'created', 'dead'],
  pause: ['paused', 'exited', 'created', 'dead'],
  unpause: ['running', 'exited', 'created', 'dead'],
}

export class ComposeProjects {
  constructor(
    private readonly engine: EngineConnection,
    private readonly containers: ContainersService,
  ) {}

  /** The project's containers (one service's, when named), in service order. */
  async members(project: string, service?: string): Promise<Member[]> {
    const filters = [`${COMPOSE_LABELS.project}=${project}`]
    if (service !== undefined) filters.push(`${COMPOSE_LABELS.service}=${service}`)
    let list: Dockerode.ContainerInfo[]
    try {
      list = await (await this.engine.client()).listContainers({ all: true, filters: { label: filters } })
    } catch (err) {
      throw toWharfError(err)
    }
    if (list.length === 0) {
      const what = service === undefined ? `project "${project}"` : `service "${service}" in project "${project}"`
      throw new WharfError({ code: 'not_found', message: `No containers of ${what} on this engine` })
    }
    return list
      .map((c) => ({
        id: c.Id,
        name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
        service: c.Labels[COMPOSE_LABELS.service] ?? '',
        state: c.State as ContainerState,
        number: Number(c.Labels[COMPOSE_LABELS.number]) || 0,
      }))
      .sort((a, b) => a.service.localeCompare(b.service) || a.number - b.number || a.name.localeCompare(b.name))
  }

  async act(project: string, action: ProjectAction, service?: string): Promise<ProjectActionResult> {
    const members = await this.members(project, service)
    const result: ProjectActionResult = { done: [], failed: [], skipped: 0 }
    // Stopping, pausing and removing go together (a project stops in about one stop
    // timeout, not one per container); each container's own queue still orders it.
    await Promise.all(
      members.map(async (m) => {
        if (action !== 'remove' && action !== 'restart' && ALREADY[action].includes(m.state)) {
          result.skipped++
          return
        }
        try {
          const done = await this.run(action, m)
          result.done.push({ id: done.id, name: m.name, state: done.state })
        } catch (err) {
          result.failed.push({ id: m.id, name: m.name, message: toWharfError(err).message })
        }
      }),
    )
    return result
  }

  private run(action: ProjectAction, m: Member): Promise<{ id: string; state: ContainerState | 'removed' }> {
    switch (action) {
      case 'start':
        return this.containers.start(m.id)
      case 'stop':
        return this.containers.stop(m.id)
      case 'restart':
        return this.containers.restart(m.id)
      case 'pause':
        return this.containers.pause(m.id)
      case 'unpause':
        return this.containers.unpause(m.id)
      case 'remove':
        // As `compose down`/`rm -sf`: running ones are stopped; anonymous volumes stay.
        return this.containers.remove(m.id, { force: true })
    }
  }

  /** What the merged log reads: each container with its service. */
  async logSources(project: string, services?: string[]): Promise<ProjectLogSource[]> {
    const members = await this.members(project)
    const wanted = services?.length ? members.filter((m) => services.includes(m.service)) : members
    return wanted.map((m) => ({ service: m.service, container: m.name, id: m.id }))
  }

  async resources(project: string): Promise<ProjectResources> {
    try {
      const docker = await this.engine.client()
      const label = { label: [`${COMPOSE_LABELS.project}=${project}`] }
      const [networks, volumes] = await Promise.all([docker.listNetworks({ filters: label }), docker.listVolumes({ filters: label })])
      return {
        networks: networks
          .map((n) => ({ id: n.Id, name: n.Name, containers: Object.keys(n.Containers ?? {}).length }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        volumes: (volumes.Volumes ?? []).map((v) => ({ name: v.Name, driver: v.Driver })).sort((a, b) => a.name.localeCompare(b.name)),
      }
    } catch (err) {
      throw toWharfError(err)
    }
  }

  /**
   * Removes the named networks and volumes, each only if it still carries the project's
   * label (a name typed or stale cannot reach another project's data).
   */
  async removeResources(project: string, networks: string[], volumes: string[]): Promise<ProjectResourcesRemoved> {
    const current = await this.resources(project)
    const outcome: ProjectResourcesRemoved = { removed: { networks: [], volumes: [] }, failed: [] }
    const docker = await this.engine.client()
    for (const name of networks) {
      const network = current.networks.find((n) => n.name === name || n.id === name)
      if (!network) {
        outcome.failed.push({ kind: 'network', name, message: `Network "${name}" is not part of project "${project}"` })
        continue
      }
      try {
        await docker.getNetwork(network.id).remove()
        outcome.removed.networks.push(network.name)
      } catch (err) {
        outcome.failed.push({ kind: 'network', name, message: toWharfError(err).message })
      }
    }
    for (const name of volumes) {
      if (!current.volumes.some((v) => v.name === name)) {
        outcome.failed.push({ kind: 'volume', name, message: `Volume "${name}" is not part of project "${project}"` })
        continue
      }
      try {
        await docker.getVolume(name).remove()
        outcome.removed.volumes.push(name)
      } catch (err) {
        outcome.failed.push({ kind: 'volume', name, message: toWharfError(err).message })
      }
    }
    return outcome
  }
}
