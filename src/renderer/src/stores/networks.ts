/**
 * An engine's networks (N1–N5), kept by the network events (and containers starting and
 * stopping) main sends as changed rows; the topology, which those change too, is fetched
 * again when a burst of changes settles.
 */
import type { NetworkSummary, Topology } from '@shared/networks'
import { onScopeDispose, ref } from 'vue'
import { engineStore } from './engineStore'
import { useListStore } from './listStore'

export interface NetworkSpec {
  name: string
  driver: 'bridge' | 'macvlan' | 'ipvlan' | 'overlay'
  subnet?: string
  gateway?: string
  ipRange?: string
  internal: boolean
  attachable: boolean
  ipv6: boolean
  labels: string[]
  options: string[]
}

export const useNetworksStore = engineStore('networks', (engine: string) => {
  const topology = ref<Topology | null>(null)
  const list = useListStore<NetworkSummary>({
    engine,
    fetch: async (api) => {
      const [networks, topo] = await Promise.all([api.call('networks.list', {}), api.call('networks.topology', {})])
      topology.value = topo
      return networks
    },
    changed: 'networks.changed',
    key: (network) => network.id,
    compare: (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name),
    onChange: () => {
      clearTimeout(timer)
      timer = setTimeout(() => void refreshTopology(), 150)
    },
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  onScopeDispose(() => clearTimeout(timer))
  async function refreshTopology(): Promise<void> {
    try {
      topology.value = await list.api.call('networks.topology', {})
    } catch {
      // Kept as it was; the next change or list tries again.
    }
  }
  const { api, after } = list

  return {
    items: list.items,
    topology,
    loading: list.loading,
    loaded: list.loaded,
    error: list.error,
    load: list.load,
    create: (spec: NetworkSpec) => after(api.call('networks.create', spec)),
    remove: (id: string) => after(api.call('networks.remove', { id })),
    prune: () => after(api.call('networks.prune', {})),
    connect: (network: string, container: string, aliases: string[], ipv4: string) =>
      after(api.call('networks.connect', { network, container, aliases, ipv4 })),
    disconnect: (network: string, container: string) => after(api.call('networks.disconnect', { network, container, force: false })),
  }
})
