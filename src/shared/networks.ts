/** Networks (issue 6, N1–N4): what the list and the details show. */

export interface NetworkSummary {
  id: string
  name: string
  driver: string
  scope: string
  internal: boolean
  attachable: boolean
  ipv6: boolean
  /** bridge, host and none: the engine's own, which cannot be removed. */
  builtIn: boolean
  subnets: Array<{ subnet: string; gateway?: string; ipRange?: string }>
  labels: Record<string, string>
  created: string
  containers: NetworkEndpoint[]
}

export interface NetworkEndpoint {
  id: string
  name: string
  ipv4: string
  ipv6: string
  mac: string
}

/** N5: what the topology picture draws. */
export interface Topology {
  networks: Array<{ id: string; name: string; driver: string; subnet?: string }>
  containers: TopologyContainer[]
}

export interface TopologyContainer {
  id: string
  name: string
  running: boolean
  /** The network mode: a network name, host, none, or container:<id>. */
  mode: string
  /** With `--network container:x`: the container whose network namespace it shares. */
  joinedTo?: string
  endpoints: Array<{ network: string; ipv4: string }>
  ports: string[]
}
