/**
 * Networks (issue 6, N1–N4): list with the containers on each, create (the subnet checked
 * against every existing network before the engine is asked), connect with aliases and a
 * static address, disconnect, remove (refusals name the containers still attached), prune.
 */
import type Dockerode from 'dockerode'
import { overlaps, parseCidr } from '../../shared/cidr'
import { WharfError } from '../../shared/errors'
import type { NetworkSummary, Topology } from '../../shared/networks'
import type { EngineConnection } from './connection'
import { toWharfError } from './engineError'

const BUILT_IN = new Set(['bridge', 'host', 'none'])
/** Podman's default network: every container without --network joins it, and it cannot be removed. */
const PODMAN_DEFAULT = 'podman'

export interface NetworkSpec {
  name: string
  driver: string
  subnet?: string
  gateway?: string
  ipRange?: string
  internal: boolean
  attachable: boolean
  ipv6: boolean
  labels: string[]
  options: string[]
}

function pairs(list: string[]): Record<string, string> {
  return Object.fromEntries(list.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]))
}

/** One row of the list, from the network's inspect (the list's entries leave Containers empty). */
export function networkRow(n: Dockerode.NetworkInspectInfo, podman: boolean): NetworkSummary {
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    internal: n.Internal,
    attachable: n.Attachable,
    ipv6: n.EnableIPv6,
    builtIn: BUILT_IN.has(n.Name) || (podman && n.Name === PODMAN_DEFAULT),
    subnets: (n.IPAM?.Config ?? []).map((c) => ({ subnet: c.Subnet ?? '', gateway: c.Gateway, ipRange: c.IPRange })),
    labels: n.Labels ?? {},
    created: n.Created,
    containers: Object.entries(n.Containers ?? {}).map(([id, c]) => ({
      id,
      name: c.Name,
      ipv4: c.IPv4Address,
      ipv6: c.IPv6Address,
      mac: c.MacAddress,
    })),
  }
}

export class NetworksService {
  constructor(private readonly engine: EngineConnection) {}

  private async run<T>(work: (docker: Dockerode) => Promise<T>): Promise<T> {
    try {
      return await work(await this.engine.client())
    } catch (err) {
      throw toWharfError(err)
    }
  }

  list(): Promise<NetworkSummary[]> {
    return this.run(async (docker) => {
      const summaries = await docker.listNetworks()
      // The list leaves Containers empty; inspect fills it in. A network removed in
      // between is gone from the list, not a failure of it.
      const inspected = await Promise.all(
        summaries.map((n) =>
          docker
            .getNetwork(n.Id)
            .inspect()
            .catch((err: unknown) => {
              if ((err as { statusCode?: number }).statusCode === 404) return null
              throw err
            }),
        ),
      )
      const full = inspected.filter((n): n is NonNullable<typeof n> => n !== null)
      const podman = this.engine.getStatus().flavor === 'podman'
      return full.map((n) => networkRow(n, podman))
    })
  }

  /** The rows of these networks (ids or names) as the list has them now; keys the engine no longer knows are `gone`. */
  rows(keys: string[]): Promise<{ rows: NetworkSummary[]; gone: string[] }> {
    return this.run(async (docker) => {
      const podman = this.engine.getStatus().flavor === 'podman'
      const found = await Promise.all(
        keys.map((key) =>
          docker
            .getNetwork(key)
            .inspect()
            .then((n: Dockerode.NetworkInspectInfo) => networkRow(n, podman))
            .catch((err: unknown) => {
              if (toWharfError(err).code === 'not_found') return key
              throw err
            }),
        ),
      )
      return {
        rows: found.filter((f): f is NetworkSummary => typeof f !== 'string'),
        gone: found.filter((f): f is string => typeof f === 'string'),
      }
    })
  }

  async create(spec: NetworkSpec): Promise<{ id: string; name: string }> {
    if (spec.subnet) {
      const wanted = parseCidr(spec.subnet)
      const clash =
        wanted &&
        (await this.list()).find((n) =>
          n.subnets.some((s) => {
            const theirs = parseCidr(s.subnet)
            return theirs !== null && overlaps(wanted, theirs)
          }),
        )
      if (clash) {
        const message = `${spec.subnet} overlaps the network ${clash.name} (${clash.subnets.map((s) => s.subnet).join(', ')})`
        throw new WharfError({ code: 'invalid_input', message, fields: { subnet: message } })
      }
    }
    return this.run(async (docker) => {
      const network = await docker.createNetwork({
        Name: spec.name,
        Driver: spec.driver,
        CheckDuplicate: true,
        Internal: spec.internal,
        Attachable: spec.attachable,
        EnableIPv6: spec.ipv6,
        Labels: pairs(spec.labels),
        Options: pairs(spec.options),
        ...(spec.subnet
          ? {
              IPAM: {
                Driver: 'default',
                Config: [
                  {
                    Subnet: spec.subnet,
                    ...(spec.gateway ? { Gateway: spec.gateway } : {}),
                    ...(spec.ipRange ? { IPRange: spec.ipRange } : {}),
                  },
                ],
              },
            }
          : {}),
      })
      return { id: network.id, name: spec.name }
    })
  }

  connect(network: string, container: string, aliases: string[], ipv4?: string): Promise<{ connected: string }> {
    return this.run(async (docker) => {
      await docker.getNetwork(network).connect({
        Container: container,
        EndpointConfig: { Aliases: aliases, ...(ipv4 ? { IPAMConfig: { IPv4Address: ipv4 } } : {}) },
      })
      return { connected: container }
    })
  }

  disconnect(network: string, container: string, force = false): Promise<{ disconnected: string }> {
    return this.run(async (docker) => {
      await docker.getNetwork(network).disconnect({ Container: container, Force: force })
      return { disconnected: container }
    })
  }

  /** `docker network rm`; when containers are still attached, says which. */
  remove(id: string): Promise<{ removed: string }> {
    return this.run(async (docker) => {
      try {
        await docker.getNetwork(id).remove()
        return { removed: id }
      } catch (err) {
        const error = toWharfError(err)
        const attached = await docker
          .getNetwork(id)
          .inspect()
          .catch(() => undefined)
        const names = Object.values(attached?.Containers ?? {}).map((c) => c.Name)
        if (!names.length) throw error
        throw new WharfError({ code: 'conflict', status: error.status, message: `${error.message}. Attached: ${names.join(', ')}.` })
      }
    })
  }

  prune(labels?: string[]): Promise<{ deleted: string[] }> {
    return this.run(async (docker) => {
      const result = (await docker.pruneNetworks(labels?.length ? { filters: { label: labels } } : {})) as { NetworksDeleted?: string[] }
      return { deleted: result.NetworksDeleted ?? [] }
    })
  }

  /** N5: every network, and every container with its addresses, ports and joined namespace. */
  topology(): Promise<Topology> {
    return this.run(async (docker) => {
      const [networks, containers] = await Promise.all([docker.listNetworks(), docker.listContainers({ all: true })])
      const visible = containers.filter((c) => !c.Labels?.['wharf.helper'])
      return {
        networks: networks.map((n) => ({ id: n.Id, name: n.Name, driver: n.Driver, subnet: n.IPAM?.Config?.[0]?.Subnet })),
        containers: visible.map((c) => {
          const mode = c.HostConfig?.NetworkMode ?? ''
          const joined = mode.startsWith('container:') ? mode.slice('container:'.length) : undefined
          const joinedTo = joined && visible.find((o) => o.Id.startsWith(joined) || o.Names.includes(`/${joined}`))?.Id
          return {
            id: c.Id,
            name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
            running: c.State === 'running',
            mode,
            joinedTo: joinedTo ?? joined,
            endpoints: Object.entries(c.NetworkSettings?.Networks ?? {}).map(([network, e]) => ({ network, ipv4: e.IPAddress ?? '' })),
            ports: (c.Ports ?? [])
              .filter((p) => p.PublicPort)
              // 0.0.0.0 and :: are the same publication twice (IPv4 and IPv6); show it once.
              .map((p) => `${p.IP && p.IP !== '0.0.0.0' && p.IP !== '::' ? `${p.IP}:` : ''}${p.PublicPort}→${p.PrivatePort}/${p.Type}`)
              .filter((p, i, all) => all.indexOf(p) === i),
          }
        }),
      }
    })
  }
}
