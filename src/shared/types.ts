/** Data shapes that travel from main to the renderer. Plain JSON only. */

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead'

export interface PortBinding {
  /** Host address the port is published on; absent when not published. */
  ip?: string
  privatePort: number
  publicPort?: number
  type: 'tcp' | 'udp' | 'sctp'
}

export type ContainerHealth = 'healthy' | 'unhealthy' | 'starting'

export interface ContainerSummary {
  id: string
  name: string
  image: string
  imageId: string
  command: string
  state: ContainerState
  /**
   * The engine's human status text, e.g. "Up 5 minutes" or "Exited (0) 2 hours ago", as
   * it was when listed: English, and stale a second later. The page shows its own text
   * from `state`, `since`, `exitCode` and `health`.
   */
  status: string
  /**
   * When the current state began, in ms since the epoch: the start of a running or
   * paused container, the exit of an exited or restarting one. From the engine event
   * when Wharf saw it, else read back from the status text (to the unit it was written in).
   */
  since?: number
  /** The exit code of an exited or restarting container. */
  exitCode?: number
  health?: ContainerHealth
  ports: PortBinding[]
  /** Seconds since the epoch. */
  created: number
  labels: Record<string, string>
  /** The compose project (label com.docker.compose.project), or null. */
  project: string | null
}

/** A change to the container list, pushed on the `containers.changed` stream. */
export type ContainersDelta =
  | { kind: 'upsert'; containers: ContainerSummary[] }
  | { kind: 'remove'; ids: string[] }
  /**
   * States the engine's events announce, sent at once; the full rows follow from a
   * list call, which a busy engine can answer hundreds of milliseconds later (P2).
   */
  | { kind: 'state'; changes: Array<{ id: string; state: ContainerState; status: string; since?: number; exitCode?: number }> }
  /** The engine (re)connected: the list must be fetched again before deltas apply. */
  | { kind: 'resync' }

export type EngineState = 'connecting' | 'connected' | 'disconnected' | 'unavailable'

export interface EngineCandidate {
  /** Where the candidate came from, e.g. "DOCKER_HOST" or "default socket". */
  source: string
  /** The address, e.g. "unix:///var/run/docker.sock". */
  endpoint: string
  /** Why it did not answer, when it was tried and failed. */
  error?: string
}

export interface EngineStatus {
  state: EngineState
  endpoint?: string
  /** "docker" or "podman", from the engine's /_ping headers (confirmed by /version). */
  flavor?: 'docker' | 'podman'
  /** The engine's version; absent until its /version answers, which may take seconds. */
  version?: string
  apiVersion?: string
  /** Every endpoint tried, in order, with the reason each failed. */
  tried: EngineCandidate[]
  /** The last connection error, in the engine's or the OS's words. */
  error?: string
  /** Whether a podman binary is installed here, so the UI can offer to start its service. */
  podmanAvailable: boolean
  /** Milliseconds until the next reconnect attempt, while disconnected. */
  retryInMs?: number
}

/** Result of a bulk-able action on one container. */
export interface ActionResult {
  id: string
  state: ContainerState | 'removed'
}

/** What `docker container prune` removed. */
export interface PruneResult {
  removed: string[]
  spaceReclaimed: number
}

/** One log line; `stream` is 0 for a TTY container (stdout and stderr are merged there). */
export interface LogLine {
  stream: 0 | 1 | 2
  /** RFC 3339 with nanoseconds, when timestamps were asked for. */
  time?: string
  text: string
  /** Characters cut off a very long line (the full line is in the download). */
  cut?: number
}

/**
 * Log lines come in batches so a chatty container costs a message per frame, not per
 * line, and in columns rather than an object per line: a 200,000-line log then costs
 * the page a few string arrays to parse instead of 200,000 objects (P3).
 */
export interface LogBatch {
  /** One character per line: "0" TTY, "1" stdout, "2" stderr. */
  streams: string
  texts: string[]
  /** Parallel to `texts`, when timestamps were asked for. */
  times?: string[]
  /** [index in this batch, characters cut] for lines longer than the kept head. */
  cuts?: Array<[number, number]>
}

export interface StatsSample {
  /** Milliseconds since the epoch, from the engine's `read` time. */
  time: number
  cpuPercent: number
  onlineCpus: number
  memoryUsed: number
  memoryLimit: number
  netRx: number
  netTx: number
  blockRead: number
  blockWrite: number
  pids: number
}

/** `docker diff`: A added, C changed, D deleted. */
export interface ContainerChange {
  path: string
  kind: 'A' | 'C' | 'D'
}

export interface CreateResult {
  id: string
  name: string
  /** Warnings the engine returned with the create, e.g. about ignored options. */
  warnings: string[]
  started: boolean
}

export interface CommitResult {
  imageId: string
}

/** `docker inspect` output, as the engine returned it (PascalCase, see the Engine API). */
export type ContainerInspect = Record<string, unknown> & { Id: string; Name: string }

/** An image on the engine (`docker images`). */
export interface ImageSummary {
  id: string
  /** repository:tag names; empty for a dangling image. */
  tags: string[]
  /** repository@sha256:… for images pulled from or pushed to a registry. */
  digests: string[]
  size: number
  /** Seconds since the epoch. */
  created: number
  /** Untagged and not the parent of a tagged image: what `docker image prune` removes. */
  dangling: boolean
  /** Containers created from it, running or not (counted from the container list). */
  usedBy: Array<{ id: string; name: string; state: string }>
}
