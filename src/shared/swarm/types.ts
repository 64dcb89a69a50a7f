/** What the Swarm pane shows (E6): the engine's swarm membership, nodes, services, tasks, secrets and configs. */

export type SwarmState = 'inactive' | 'pending' | 'active' | 'error' | 'locked'

export interface SwarmStatus {
  state: SwarmState
  /** True when this engine is a manager: only managers list nodes and services. */
  manager: boolean
  nodeId: string
  /** The address the node advertises ('' when not in a swarm). */
  nodeAddr: string
  nodes: number
  managers: number
  /** The engine's last swarm error, e.g. a join that failed. */
  error: string
  /** Only for a manager. */
  joinTokens?: { worker: string; manager: string }
  /** The manager addresses a new node joins (this node's own `addr:2377` when a manager). */
  joinAddr?: string
}

export type NodeRole = 'manager' | 'worker'
export type NodeAvailability = 'active' | 'pause' | 'drain'

export interface SwarmNode {
  id: string
  hostname: string
  role: NodeRole
  availability: NodeAvailability
  /** ready, down, unknown, disconnected. */
  status: string
  addr: string
  engineVersion: string
  labels: Record<string, string>
  leader: boolean
  /** The node of the engine Wharf talks to. */
  self: boolean
}

export interface ServicePort {
  published: number
  target: number
  protocol: 'tcp' | 'udp' | 'sctp'
  mode: 'ingress' | 'host'
}

export interface SwarmService {
  id: string
  name: string
  image: string
  mode: 'replicated' | 'global'
  /** Replicas asked for (replicated), or nodes that should run one (global). */
  desired: number
  running: number
  ports: ServicePort[]
  /** The engine's UpdateStatus: updating, paused, completed, rollback_started, rollback_paused, rollback_completed. */
  update?: { state: string; message: string }
  /** The image before the last update: what a rollback returns to. */
  previousImage?: string
  /** `com.docker.stack.namespace`, for services deployed with `docker stack`. */
  stack?: string
  secrets: string[]
  configs: string[]
  createdAt: string
  updatedAt: string
}

export interface SwarmTask {
  id: string
  serviceId: string
  /** Replica number (replicated) — 0 for a global service's tasks. */
  slot: number
  nodeId: string
  nodeName: string
  image: string
  desiredState: string
  state: string
  message: string
  /** Why the task failed, in the engine's words ('' when it did not). */
  error: string
  exitCode: number | null
  containerId: string
  updatedAt: string
}

export type SecretKind = 'secret' | 'config'

export interface SwarmSecret {
  id: string
  kind: SecretKind
  name: string
  createdAt: string
  labels: Record<string, string>
  /** Services that use it (it cannot be removed while any does). */
  usedBy: string[]
}

/** One line of a service's merged log, with the task it came from. */
export interface ServiceLogLine {
  /** `name.slot` (or `name.node` for a global service), as `docker service logs` prefixes lines. */
  task: string
  stream: 1 | 2
  time: string
  text: string
}

/** Whether the docker CLI (with `docker stack`) is installed where Wharf runs, and its version. */
export type StackToolInfo = { found: true; version: string } | { found: false }

/** What a stack is made of: everything carrying its `com.docker.stack.namespace` label. */
export interface StackResources {
  name: string
  services: { id: string; name: string }[]
  networks: string[]
  secrets: string[]
  configs: string[]
}
