/** Swarm (E6): this domain's part of the contract (see index.ts). Every method needs a swarm manager except status, init, join and leave. */
import { appMethod, engineMethod, engineStream } from './spec'
import * as s from '../schemas'
import * as sw from '../swarm/schemas'
import type { TaskInfo } from '../tasks'
import type {
  ServiceLogLine,
  StackResources,
  StackToolInfo,
  SwarmNode,
  SwarmSecret,
  SwarmService,
  SwarmStatus,
  SwarmTask,
} from '../swarm/types'

export const swarmMethods = {
  /** Whether the engine is in a swarm and a manager, its node, and (for a manager) the join tokens. */
  'swarm.status': engineMethod<typeof s.empty, SwarmStatus>(s.empty),
  /** `docker swarm init`; an empty advertise address lets the engine choose (it refuses, naming its addresses, when it has several). */
  'swarm.init': engineMethod<typeof sw.initInput, { nodeId: string }>(sw.initInput),
  /** `docker swarm join` with a manager's address and a worker or manager token. */
  'swarm.join': engineMethod<typeof sw.joinInput, { joined: true }>(sw.joinInput),
  /** `docker swarm leave`; a manager needs `force` (and the swarm loses it). */
  'swarm.leave': engineMethod<typeof sw.leaveInput, { left: true }>(sw.leaveInput),
  /** `docker node ls`. */
  'swarm.nodes': engineMethod<typeof s.empty, SwarmNode[]>(s.empty),
  /** Promote/demote, drain/pause/activate one node. */
  'swarm.updateNode': engineMethod<typeof sw.nodeUpdateInput, { updated: string }>(sw.nodeUpdateInput),
  /** `docker node rm` of a node that is down. */
  'swarm.removeNode': engineMethod<typeof sw.idInput, { removed: string }>(sw.idInput),
  /** Services with running/desired counts, ports and update status. */
  'swarm.services': engineMethod<typeof s.empty, SwarmService[]>(s.empty),
  /** `docker service create` from the form. */
  'swarm.createService': engineMethod<typeof sw.serviceSpecInput, { id: string; name: string }>(sw.serviceSpecInput),
  /** `docker service scale` of a replicated service. */
  'swarm.scaleService': engineMethod<typeof sw.scaleInput, { id: string }>(sw.scaleInput),
  /** `docker service update --image`: a rolling update with the service's update policy. */
  'swarm.updateImage': engineMethod<typeof sw.updateImageInput, { id: string }>(sw.updateImageInput),
  /** `docker service rollback`. */
  'swarm.rollbackService': engineMethod<typeof sw.idInput, { id: string }>(sw.idInput),
  /** `docker service rm`. */
  'swarm.removeService': engineMethod<typeof sw.idInput, { removed: string }>(sw.idInput),
  /** Tasks (of one service, or all), newest first, with node, states, error and exit code. */
  'swarm.tasks': engineMethod<typeof sw.tasksInput, SwarmTask[]>(sw.tasksInput),
  /** Secrets or configs with the services using each. */
  'swarm.secrets': engineMethod<typeof sw.secretListInput, SwarmSecret[]>(sw.secretListInput),
  /** Creates a secret or config; its value is never sent back. */
  'swarm.createSecret': engineMethod<typeof sw.secretCreateInput, { id: string; name: string }>(sw.secretCreateInput),
  /** Removes a secret or config; refused while a service uses it, naming the services. */
  'swarm.removeSecret': engineMethod<typeof sw.secretRemoveInput, { removed: string }>(sw.secretRemoveInput),
  /** Whether the docker CLI with `docker stack` is installed where Wharf runs, and its version; `refresh` looks again. */
  'swarm.stackTool': appMethod<typeof sw.stackToolInput, StackToolInfo>(sw.stackToolInput),
  /** The services, networks, secrets and configs labelled with a stack's namespace. */
  'swarm.stack': engineMethod<typeof sw.stackRef, StackResources>(sw.stackRef),
  /** `docker stack deploy -c FILE NAME` through the docker CLI against this engine (a manager), as a task. */
  'swarm.deployStack': engineMethod<typeof sw.stackDeployInput, TaskInfo>(sw.stackDeployInput),
  /** Removes a stack's services, secrets, configs and (once its tasks are gone) networks through the Engine API, as a task. */
  'swarm.removeStack': engineMethod<typeof sw.stackRef, TaskInfo>(sw.stackRef),
} as const

export const swarmStreams = {
  /** A service, node, secret or config changed, or a container came or went (tasks); list again. */
  'swarm.changed': engineStream<typeof s.empty, { type: string; action: string }>(s.empty),
  /** A service's log merged across its tasks, in batches of lines. */
  'swarm.logs': engineStream<typeof sw.serviceLogsInput, ServiceLogLine[]>(sw.serviceLogsInput),
} as const
