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
