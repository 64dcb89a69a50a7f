/**
 * Compose projects (E7) as the engine knows them: only from the labels Compose puts on
 * every container it makes, so a project started by any tool, from any folder, shows
 * up — and nothing here needs a compose tool or the compose file.
 */
import type { ContainerState, ContainerSummary, LogBatch, PortBinding } from './types'

export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
} as const

export interface ComposeContainer {
  id: string
  name: string
  state: ContainerState
  /** The replica number Compose gave it (`web-1`, `web-2`). */
  number?: number
  ports: PortBinding[]
  image: string
}

export interface ComposeService {
  name: string
  containers: ComposeContainer[]
  /** How many of its containers run (paused ones count as up, not running). */
  running: number
}

export interface ComposeProject {
  name: string
  services: ComposeService[]
  /** Where `up` ran (label `…project.working_dir`); the newest container's when they differ. */
  workingDir?: string
  /** The compose files it came from (label `…project.config_files`, comma-separated). */
  configFiles: string[]
  containers: number
  running: number
  paused: number
  /** running: every container runs; partial: some do; stopped: none. */
  state: 'running' | 'partial' | 'stopped'
}

/** Every project among these containers, by name, services by name. */
export function groupProjects(containers: readonly ContainerSummary[]): ComposeProject[] {
  const byProject = new Map<string, ContainerSummary[]>()
  for (const c of containers) {
    const project = c.labels[COMPOSE_LABELS.project]
    if (!project) continue
    const list = byProject.get(project)
    if (list) list.push(c)
    else byProject.set(project, [c])
  }
  return [...byProject.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => projectOf(name, list))
}

function projectOf(name: string, list: ContainerSummary[]): ComposeProject {
  const services = new Map<string, ComposeService>()
  // The newest container speaks for the project's folder and files: an `up` from a moved
  // folder relabels what it recreates.
  const newest = list.reduce((a, b) => (b.created > a.created ? b : a))
  for (const c of list) {
    const serviceName = c.labels[COMPOSE_LABELS.service] ?? c.name
    let service = services.get(serviceName)
    if (!service) services.set(serviceName, (service = { name: serviceName, containers: [], running: 0 }))
    const number = Number(c.labels[COMPOSE_LABELS.number])
    service.containers.push({
      id: c.id,
      name: c.name,
      state: c.state,
      ports: c.ports,
      image: c.image,
      ...(Number.isInteger(number) && number > 0 ? { number } : {}),
    })
    if (c.state === 'running') service.running++
  }
  for (const service of services.values())
    service.containers.sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || a.name.localeCompare(b.name))
  const running = list.filter((c) => c.state === 'running').length
  const paused = list.filter((c) => c.state === 'paused').length
  const up = running + paused
  const files = newest.labels[COMPOSE_LABELS.configFiles]
  const workingDir = newest.labels[COMPOSE_LABELS.workingDir]
  return {
    name,
    services: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
    ...(workingDir ? { workingDir } : {}),
    configFiles: files
      ? files
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)
      : [],
    containers: list.length,
    running,
    paused,
    state: up === list.length ? 'running' : up === 0 ? 'stopped' : 'partial',
  }
}

/** What a project action does to each of its containers (or one service's). */
export const PROJECT_ACTIONS = ['start', 'stop', 'restart', 'pause', 'unpause', 'remove'] as const
export type ProjectAction = (typeof PROJECT_ACTIONS)[number]

export interface ProjectActionResult {
  /** Containers the action reached, with the state each ended in. */
  done: Array<{ id: string; name: string; state: ContainerState | 'removed' }>
  /** Containers the engine refused, with its words. */
  failed: Array<{ id: string; name: string; message: string }>
  /** Containers already in the wanted state, left alone. */
  skipped: number
}

/** A project's networks and named volumes, found by their project label. */
export interface ProjectResources {
  networks: Array<{ id: string; name: string; containers: number }>
  volumes: Array<{ name: string; driver: string }>
}

export interface ProjectResourcesRemoved {
  removed: { networks: string[]; volumes: string[] }
  failed: Array<{ kind: 'network' | 'volume'; name: string; message: string }>
}

/** Where a merged log's lines come from: `tags[i]` indexes this list. */
export interface ProjectLogSource {
  service: string
  container: string
  id: string
}

/** A batch of a project's merged log: a container log batch plus where each line came from. */
export interface ProjectLogBatch extends LogBatch {
  /** Parallel to `texts`: the index in `sources` of the container the line came from. */
  tags: number[]
  /** Sent with the first batch (which may hold no lines). */
  sources?: ProjectLogSource[]
}
