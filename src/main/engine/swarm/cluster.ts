/**
 * Swarm membership and nodes (E6): whether this engine is in a swarm and a manager, init,
 * join, leave, the join tokens, and the node list with promote/demote, availability and
 * removal. Refusals come back in the engine's words ("This node is not a swarm manager…").
 */
import type Dockerode from 'dockerode'
import type { NodeAvailability, NodeRole, SwarmNode, SwarmState, SwarmStatus } from '../../../shared/swarm/types'
import type { EngineConnection } from '../connection'
import { toWharfError } from '../engineError'

interface InfoSwarm {
  LocalNodeState?: string
  NodeID?: string
  NodeAddr?: string
  ControlAvailable?: boolean
  Error?: string
  Nodes?: number
  Managers?: number
}

interface NodeData {
  ID: string
  Version: { Index: number }
  Spec: { Role: NodeRole; Availability: NodeAvailability; Labels?: Record<string, string>; Name?: string }
  Description?: { Hostname?: string; Engine?: { EngineVersion?: string } }
  Status?: { State?: string; Addr?: string }
  ManagerStatus?: { Leader?: boolean; Addr?: string }
}

const STATES = new Set<SwarmState>(['inactive', 'pending', 'active', 'error', 'locked'])

export async function engineCall<T>(engine: EngineConnection, work: (docker: Dockerode) => Promise<T>): Promise<T> {
  try {
    return await work(await engine.client())
  } catch (err) {
    throw toWharfError(err)
  }
}

export class SwarmCluster {
  constructor(private readonly engine: EngineConnection) {}

  status(): Promise<SwarmStatus> {
    return engineCall(this.engine, async (docker) => {
      const info = (await docker.info()) as { Swarm?: InfoSwarm }
      const swarm = info.Swarm ?? {}
      const state = STATES.has(swarm.LocalNodeState as SwarmState) ? (swarm.LocalNodeState as SwarmState) : 'inactive'
      const status: SwarmStatus = {
        state,
        manager: state === 'active' && swarm.ControlAvailable === true,
        nodeId: swarm.NodeID ?? '',
        nodeAddr: swarm.NodeAddr ?? '',
        nodes: swarm.Nodes ?? 0,
        managers: swarm.Managers ?? 0,
        error: swarm.Error ?? '',
      }
      if (status.manager) {
        const inspect = (await docker.swarmInspect()) as { JoinTokens: { Worker: string; Manager: string } }
        status.joinTokens = { worker: inspect.JoinTokens.Worker, manager: inspect.JoinTokens.Manager }
        const self = (await docker.getNode(status.nodeId).inspect()) as NodeData
        status.joinAddr = self.ManagerStatus?.Addr ?? `${status.nodeAddr}:2377`
      }
      return status
    })
  }

  /** `docker swarm init`; an empty advertise address lets the engine pick (it refuses, naming the choices, when it has several). */
  init(advertiseAddr: string, listenAddr: string): Promise<{ nodeId: string }> {
    return engineCall(this.engine, async (docker) => {
      const nodeId = (await docker.swarmInit({
        ListenAddr: listenAddr || '0.0.0.0:2377',
        AdvertiseAddr: advertiseAddr || undefined,
        ForceNewCluster: false,
      })) as unknown
      return { nodeId: typeof nodeId === 'string' ? nodeId : String(nodeId) }
    })
  }

  join(remoteAddr: string, token: string, advertiseAddr: string): Promise<{ joined: true }> {
    return engineCall(this.engine, async (docker) => {
      const remote = /:\d+$/.test(remoteAddr) ? remoteAddr : `${remoteAddr}:2377`
      await docker.swarmJoin({
        ListenAddr: '0.0.0.0:2377',
        AdvertiseAddr: advertiseAddr || undefined,
        RemoteAddrs: [remote],
        JoinToken: token,
      })
      return { joined: true as const }
    })
  }

  leave(force: boolean): Promise<{ left: true }> {
    return engineCall(this.engine, async (docker) => {
      await docker.swarmLeave({ force })
      return { left: true as const }
    })
  }

  nodes(): Promise<SwarmNode[]> {
    return engineCall(this.engine, async (docker) => {
      const info = (await docker.info()) as { Swarm?: InfoSwarm }
      const list = (await docker.listNodes()) as NodeData[]
      return list.map((n) => ({
        id: n.ID,
        hostname: n.Description?.Hostname ?? n.Spec.Name ?? n.ID,
        role: n.Spec.Role,
        availability: n.Spec.Availability,
        status: n.Status?.State ?? 'unknown',
        addr: n.Status?.Addr ?? '',
        engineVersion: n.Description?.Engine?.EngineVersion ?? '',
        labels: n.Spec.Labels ?? {},
        leader: n.ManagerStatus?.Leader === true,
        self: n.ID === info.Swarm?.NodeID,
      }))
    })
  }

  /** Promote/demote and drain/pause/activate: the node's spec with one field changed, at its current version. */
  updateNode(id: string, change: { role?: NodeRole; availability?: NodeAvailability }): Promise<{ updated: string }> {
    return engineCall(this.engine, async (docker) => {
      const node = docker.getNode(id)
      const current = (await node.inspect()) as NodeData
      const spec = {
        ...current.Spec,
        ...(change.role ? { Role: change.role } : {}),
        ...(change.availability ? { Availability: change.availability } : {}),
      }
      await node.update({ _query: { version: current.Version.Index }, _body: spec })
      return { updated: current.ID }
    })
  }

  /** `docker node rm`: the engine refuses a node that is not down, or a manager, in its own words. */
  removeNode(id: string, force: boolean): Promise<{ removed: string }> {
    return engineCall(this.engine, async (docker) => {
      await docker.getNode(id).remove({ force })
      return { removed: id }
    })
  }
}
