/** Networks (N1–N5): this domain's part of the contract (see index.ts). */
import { engineMethod, engineStream } from './spec'
import * as s from '../schemas'
import * as net from '../networkSchemas'
import type { ListChange } from '../listChange'
import type { NetworkSummary, Topology } from '../networks'

export const networksMethods = {
  /** Every network with its subnets and the containers on it (IPv4/IPv6/MAC). */
  'networks.list': engineMethod<typeof s.empty, NetworkSummary[]>(s.empty),
  /** `docker network create`; subnet, gateway and range checked, overlaps with existing networks refused. */
  'networks.create': engineMethod<typeof net.createNetworkInput, { id: string; name: string }>(net.createNetworkInput),
  /** `docker network connect`, with aliases and an optional static IPv4. */
  'networks.connect': engineMethod<typeof net.connectInput, { connected: string }>(net.connectInput),
  /** `docker network disconnect`. */
  'networks.disconnect': engineMethod<typeof net.disconnectInput, { disconnected: string }>(net.disconnectInput),
  /** `docker network rm`; a refusal names the containers still attached. */
  'networks.remove': engineMethod<typeof net.networkRef, { removed: string }>(net.networkRef),
  /** `docker network prune`, optionally only networks with given labels. */
  'networks.prune': engineMethod<typeof s.pruneInput, { deleted: string[] }>(s.pruneInput),
  /** N5: networks, containers with their addresses and ports, and joined network namespaces. */
  'networks.topology': engineMethod<typeof s.empty, Topology>(s.empty),
} as const

export const networksStreams = {
  /** Networks created, removed, connected or disconnected, or containers on them started or stopped: their rows again, or the ids gone. */
  'networks.changed': engineStream<typeof s.empty, ListChange<NetworkSummary>>(s.empty),
} as const
